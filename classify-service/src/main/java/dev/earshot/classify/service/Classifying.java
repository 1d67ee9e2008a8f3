package dev.earshot.classify.service;

import dev.earshot.classify.classifier.ChunkClassification;
import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.classify.classifier.Prediction;
import dev.earshot.classify.config.ClassifySettings;
import dev.earshot.classify.metrics.ClassifyMetrics;
import dev.earshot.schema.Classification;
import dev.earshot.schema.FeatureSummary;
import dev.earshot.worker.ChunkWorker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * classify-service's part of the chunk worker: every classifier on each chunk, one record per chunk
 * and classifier; a chunk that makes a classifier fail goes to the dead-letter topic alone.
 */
final class Classifying implements ChunkWorker.Handler<ClassifierSet, Classification> {

  private final ClassifySettings settings;
  private final ClassifyMetrics metrics;
  private final Clock clock;

  Classifying(ClassifySettings settings, ClassifyMetrics metrics, Clock clock) {
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public List<ChunkWorker.Outcome<Classification>> handle(
      ClassifierSet classifiers, List<ChunkWorker.Chunk> chunks) {
    ChunkClassification classification = classifiers.classification();
    List<ChunkWorker.Outcome<Classification>> outcomes = new ArrayList<>();
    for (ChunkWorker.Chunk chunk : chunks) {
      ChunkClassification.Result result;
      try {
        result = classification.classify(chunk.samples());
      } catch (RuntimeException e) {
        outcomes.add(ChunkWorker.Outcome.failed("classification failed: " + e.getMessage(), e));
        continue;
      }
      metrics.classified(result);
      FeatureSummary features =
          ClassificationMapping.features(result.features(), settings.series());
      List<Classification> records = new ArrayList<>();
      for (Prediction prediction : result.predictions()) {
        records.add(
            ClassificationMapping.toAvro(
                chunk.record(), prediction, features, result.featureMs(), clock.instant()));
      }
      outcomes.add(ChunkWorker.Outcome.of(records));
    }
    return outcomes;
  }
}
