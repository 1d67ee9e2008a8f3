package dev.earshot.classify.service;

import dev.earshot.classify.classifier.LabelScore;
import dev.earshot.classify.classifier.Prediction;
import dev.earshot.classify.features.ChunkFeatures;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.Classification;
import dev.earshot.schema.ClassificationTimings;
import dev.earshot.schema.FeatureSeries;
import dev.earshot.schema.FeatureSummary;
import dev.earshot.schema.LabelProbability;
import dev.earshot.schema.ModelRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps one classifier's prediction on a chunk to the Avro record on the classifications topic. */
final class ClassificationMapping {

  private ClassificationMapping() {}

  /**
   * The chunk's features as records carry them, built once per chunk and shared by the records of
   * every classifier.
   *
   * @param series whether to carry the per-frame series (for charts)
   */
  static FeatureSummary features(ChunkFeatures features, boolean series) {
    List<Float> values = new ArrayList<>();
    for (float v : features.summary().values()) {
      values.add(v);
    }
    List<FeatureSeries> frames = new ArrayList<>();
    if (series) {
      for (ChunkFeatures.Series s : features.series()) {
        List<Float> points = new ArrayList<>(s.values().length);
        for (float v : s.values()) {
          points.add(v);
        }
        frames.add(new FeatureSeries(s.name(), features.hopSeconds(), points));
      }
    }
    return new FeatureSummary(features.summary().names(), values, frames);
  }

  static Classification toAvro(
      AudioChunk chunk,
      Prediction prediction,
      FeatureSummary features,
      double featureMs,
      Instant createdAt) {
    List<LabelProbability> probabilities = new ArrayList<>();
    for (LabelScore score : prediction.ranked()) {
      probabilities.add(new LabelProbability(score.label(), (float) score.probability()));
    }
    return Classification.newBuilder()
        .setRecordingId(chunk.getRecordingId())
        .setChunkSequence(chunk.getSequence())
        .setChunkOffsetSeconds(chunk.getOffsetSeconds())
        .setChunkDurationSeconds(chunk.getDurationSeconds())
        .setClassifier(prediction.classifier())
        .setLabel(prediction.label())
        .setConfidence((float) prediction.confidence())
        .setProbabilities(probabilities)
        .setModel(new ModelRef(prediction.model().id(), prediction.model().version()))
        .setFeatures(features)
        .setTimings(
            new ClassificationTimings(
                featureMs, prediction.inferenceMs(), featureMs + prediction.inferenceMs()))
        .setCreatedAt(createdAt)
        .build();
  }
}
