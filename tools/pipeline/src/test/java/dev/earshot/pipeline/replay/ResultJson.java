package dev.earshot.pipeline.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes recording results as results-service does, field by field, so a test states only the
 * fields it is about.
 */
final class ResultJson {

  private final String recordingId;
  private String file = "jfk.wav";
  private String status = "COMPLETE";
  private String transcription = "and so my fellow americans";
  private String label = "speech";
  private double confidence = 0.97;
  private String updatedAt = "2026-11-21T10:15:30.123Z";
  private final Map<String, String> classifiers = new LinkedHashMap<>();
  private final Map<String, List<String>> models = new LinkedHashMap<>();

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
    String id = name + "/mlp-whisper";
    classifiers.put(
        name,
        "{\"predicted_label\":\""
            + label
            + "\",\"confidence\":"
            + confidence
            + ",\"probabilities\":{\""
            + label
            + "\":"
            + confidence
            + "},\"distribution\":{\""
            + label
            + "\":1.0},\"model\":"
            + model(id, version)
            + "}");
    models.put(name, new ArrayList<>(List.of(model(id, version))));
    return this;
  }

  private static String model(String id, String version) {
    return "{\"id\":\"" + id + "\",\"version\":\"" + version + "\"}";
  }

  String json() {
    StringBuilder models = new StringBuilder("{");
    this.models.forEach(
        (part, list) -> {
          if (models.length() > 1) {
            models.append(',');
          }
          models.append('"').append(part).append("\":[").append(String.join(",", list)).append(']');
        });
    models.append('}');
    StringBuilder classifiers = new StringBuilder("{");
    this.classifiers.forEach(
        (name, json) -> {
          if (classifiers.length() > 1) {
            classifiers.append(',');
          }
          classifiers.append('"').append(name).append("\":").append(json);
        });
    classifiers.append('}');
    return "{\"file\":\""
        + file
        + "\",\"transcription\":"
        + (transcription == null ? "null" : "\"" + transcription + "\"")
        + ",\"predicted_label\":\""
        + label
        + "\",\"confidence\":"
        + confidence
        + ",\"recording_id\":\""
        + recordingId
        + "\",\"status\":\""
        + status
        + "\",\"reason\":null,\"duration\":11.0,\"chunks\":2,\"chunks_joined\":2"
        + ",\"language\":\"en\",\"segments\":[],\"classifiers\":"
        + classifiers
        + ",\"rule_labels\":[],\"timeline\":[],\"models\":"
        + models
        + ",\"pictures\":{},\"updated_at\":\""
        + updatedAt
        + "\"}";
  }
}
