package dev.earshot.classify.classifier;

import dev.earshot.classify.features.ChunkFeatures;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.Featurizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every configured classifier on a chunk: features once, then each model. What the service's
 * messaging method calls, and what {@code classify} on the command line calls, so both behave the
 * same.
 */
public final class ChunkClassification implements AutoCloseable {

  private final Featurizer featurizer;
  private final List<ChunkClassifier> classifiers;
  private final boolean needsEmbedding;

  public ChunkClassification(Featurizer featurizer, List<ChunkClassifier> classifiers) {
    if (classifiers.isEmpty()) {
      throw new IllegalArgumentException("no classifier is configured");
    }
    Set<String> names = classifiers.stream().map(ChunkClassifier::name).collect(Collectors.toSet());
    if (names.size() != classifiers.size()) {
      throw new IllegalArgumentException(
          "two classifiers share a name: "
              + classifiers.stream().map(ChunkClassifier::name).toList());
    }
    this.featurizer = featurizer;
    this.classifiers = List.copyOf(classifiers);
    this.needsEmbedding =
        classifiers.stream()
            .flatMap(c -> c.featureSet().stream())
            .anyMatch(FeatureSet::needsWhisper);
    if (needsEmbedding && featurizer.embedding().isEmpty()) {
      throw new IllegalArgumentException(
          "a classifier reads Whisper features, and no Whisper model is loaded");
    }
  }

  public List<ChunkClassifier> classifiers() {
    return classifiers;
  }

  /**
   * @param features the chunk's hand-made features, for charts
   * @param featureMs time to compute them, and the Whisper embedding when a classifier reads it
   * @param predictions one per classifier, in configuration order
   */
  public record Result(ChunkFeatures features, double featureMs, List<Prediction> predictions) {}

  /**
   * @param samples 16 kHz mono
   */
  public Result classify(float[] samples) {
    long start = System.nanoTime();
    ChunkInput input = new ChunkInput(samples, featurizer, featurizer.extractor().extract(samples));
    if (needsEmbedding) {
      input.row(FeatureSet.WHISPER);
    }
    double featureMs = (System.nanoTime() - start) / 1e6;
    List<Prediction> predictions = new ArrayList<>();
    for (ChunkClassifier classifier : classifiers) {
      long t = System.nanoTime();
      double[] probabilities = classifier.probabilities(input);
      predictions.add(
          Prediction.of(
              classifier.name(),
              classifier.model(),
              classifier.labels(),
              probabilities,
              (System.nanoTime() - t) / 1e6));
    }
    return new Result(input.features(), featureMs, predictions);
  }

  @Override
  public void close() {
    for (ChunkClassifier classifier : classifiers) {
      classifier.close();
    }
  }
}
