package dev.earshot.pipeline.replay;

import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.ModelInfo;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.RecordingStatus;
import dev.earshot.schema.result.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes recording results with the result types results-service writes them with, so a test states
 * only the fields it is about.
 */
final class ResultJson {

  private final String recordingId;
  private String file = "jfk.wav";
  private String status = "COMPLETE";
  private String transcription = "and so my fellow americans";
  private String label = "speech";
  private double confidence = 0.97;
  private String updatedAt = "2026-11-21T10:15:30.123Z";
  private final Map<String, Verdict> classifiers = new LinkedHashMap<>();
  private final Map<String, List<ModelInfo>> models = new LinkedHashMap<>();

  private ResultJson(String recordingId) {
    this.recordingId = recordingId;
  }

  /** A result with whisper-tiny sha256:aaa for the transcript and no classifiers. */
  static ResultJson result(String recordingId) {
    return new ResultJson(recordingId).model("transcript", "openai/whisper-tiny", "sha256:aaa");
  }

  ResultJson file(String file) {
    this.file = file;
    return this;
  }

  ResultJson status(String status) {
    this.status = status;
    return this;
  }

  ResultJson text(String transcription) {
    this.transcription = transcription;
    return this;
  }

  ResultJson label(String label, double confidence) {
    this.label = label;
    this.confidence = confidence;
    return this;
  }

  ResultJson at(String updatedAt) {
    this.updatedAt = updatedAt;
    return this;
  }

  /** Sets the part's model, replacing what the part had. */
  ResultJson model(String part, String id, String version) {
    models.put(part, new ArrayList<>(List.of(model(id, version))));
    return this;
  }

  /** Adds a model to the part, as for a recording whose chunks were done by different versions. */
  ResultJson alsoModel(String part, String id, String version) {
    models.computeIfAbsent(part, p -> new ArrayList<>()).add(model(id, version));
    return this;
  }

  /** A classifier's result, made by {@code <name>/mlp-whisper} at {@code version}. */
  ResultJson classifier(String name, String label, double confidence, String version) {
    ModelInfo model = model(name + "/mlp-whisper", version);
    classifiers.put(
        name, new Verdict(label, confidence, Map.of(label, confidence), Map.of(label, 1.0), model));
    models.put(name, new ArrayList<>(List.of(model)));
    return this;
  }

  private static ModelInfo model(String id, String version) {
    return new ModelInfo(id, version);
  }

  String json() {
    return Json.write(
        new RecordingResult(
            file,
            transcription,
            label,
            confidence,
            Map.of(label, confidence),
            classifiers.isEmpty() ? null : classifiers.keySet().iterator().next(),
            recordingId,
            RecordingStatus.valueOf(status),
            null,
            11.0,
            2,
            2,
            0.0,
            11.0,
            "en",
            List.of(),
            classifiers,
            List.of(),
            List.of(),
            models,
            Map.of(),
            updatedAt));
  }
}
