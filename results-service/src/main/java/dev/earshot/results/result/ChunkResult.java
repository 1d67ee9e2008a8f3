package dev.earshot.results.result;

import java.util.List;
import java.util.Map;

/**
 * The joined result of one chunk: its transcript and every expected classifier's verdict. The first
 * fields keep the shape of a single-file result ({@code file}, {@code transcription}, {@code
 * predicted_label}, {@code confidence}, {@code probabilities}).
 *
 * @param predictedLabel the primary classifier's label, or the label a transcript rule set
 * @param models the model behind each part: {@code transcript} and one entry per classifier
 */
public record ChunkResult(
    String file,
    String transcription,
    String predictedLabel,
    double confidence,
    Map<String, Double> probabilities,
    String recordingId,
    int chunk,
    double start,
    double end,
    String language,
    List<Segment> segments,
    Map<String, Verdict> classifiers,
    List<String> ruleLabels,
    Map<String, ModelInfo> models,
    String updatedAt) {}
