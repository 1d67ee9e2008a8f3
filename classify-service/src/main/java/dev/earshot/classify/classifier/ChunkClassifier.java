package dev.earshot.classify.classifier;

import dev.earshot.classify.features.FeatureSet;
import java.util.List;
import java.util.Optional;

/** A named classifier that the service runs on every chunk. */
public interface ChunkClassifier extends AutoCloseable {

  /** The configured name, e.g. {@code sound-type}; it names the classifier in every record. */
  String name();

  ModelId model();

  List<String> labels();

  /** The feature set the model reads, or empty when it works on the samples itself. */
  Optional<FeatureSet> featureSet();

  /** One probability per label, aligned with {@link #labels()}, summing to 1. */
  double[] probabilities(ChunkInput input);

  @Override
  void close();
}
