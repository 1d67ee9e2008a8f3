package dev.earshot.schema.result;

import java.util.List;
import java.util.Map;

/**
 * The joined result of one chunk: its transcript and every expected classifier's verdict. The first
 * fields keep the shape of a single-file result ({@code file}, {@code transcription}, {@code
 * predicted_label}, {@code confidence}, {@code probabilities}).
 *
 * @param primaryClassifier the classifier whose verdict gives {@code predicted_label}, {@code
 *     confidence} and {@code probabilities} ({@code results.primary-classifier}, else the first one
 *     that answered); null without classifiers
 * @param predictedLabel the primary classifier's label, or the label a transcript rule set
 * @param models the model behind each part: {@code transcript} and one entry per classifier
 */
public record ChunkResult(
    String file,
    String transcription,
    String predictedLabel,
    double confidence,
    Map<String, Double> probabilities,
    String primaryClassifier,
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
