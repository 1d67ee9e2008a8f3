package dev.earshot.schema.result;

import java.util.List;
import java.util.Map;

/**
 * The result of a whole recording. The first fields keep the shape of a single-file result; the
 * rest add where it came from, its status and the models behind it.
 *
 * @param transcription the full transcript, chunks in order
 * @param primaryClassifier the classifier whose verdict gives {@code predicted_label}, {@code
 *     confidence} and {@code probabilities} ({@code results.primary-classifier}, else the first one
 *     that answered); null without classifiers
 * @param predictedLabel the primary classifier's label over the whole recording (duration-weighted
 *     mean of the chunk probabilities), or the label a transcript rule set
 * @param chunks chunks of the recording as ingest reported them (null while unknown)
 * @param chunksJoined chunks with a transcript and every expected verdict
 * @param reason why a recording is FAILED or INCOMPLETE
 * @param models every model version behind the result, by part ({@code transcript}, classifiers)
 */
public record RecordingResult(
    String file,
    String transcription,
    String predictedLabel,
    double confidence,
    Map<String, Double> probabilities,
    String primaryClassifier,
    String recordingId,
    RecordingStatus status,
    String reason,
    Double duration,
    Integer chunks,
    int chunksJoined,
    double start,
    double end,
    String language,
    List<Segment> segments,
    Map<String, Verdict> classifiers,
    List<String> ruleLabels,
    List<TimelineEntry> timeline,
    Map<String, List<ModelInfo>> models,
    Map<String, String> pictures,
    String updatedAt) {

  public RecordingResult withPictures(Map<String, String> links) {
    return new RecordingResult(
        file,
        transcription,
        predictedLabel,
        confidence,
        probabilities,
        primaryClassifier,
        recordingId,
        status,
        reason,
        duration,
        chunks,
        chunksJoined,
        start,
        end,
        language,
        segments,
        classifiers,
        ruleLabels,
        timeline,
        models,
        links,
        updatedAt);
  }
}
