package dev.earshot.classify.experiment;

import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.model.ModelType;

/**
 * A model type on a feature set, written {@code type:features}, e.g. {@code mlp:whisper}; the CNN
 * always reads log-mel spectrograms, so {@code cnn} alone is enough.
 */
public record Variant(ModelType type, FeatureSet features) {

  public Variant {
    if (type.readsSpectrogram() != (features == FeatureSet.LOG_MEL)) {
      throw new IllegalArgumentException(
          "model "
              + type.id()
              + " cannot read "
              + features.id()
              + " features: the cnn reads log-mel spectrograms, the others feature vectors");
    }
  }

  /** Parses {@code type:features}; without features, handcrafted (log-mel for the CNN). */
  public static Variant of(String text) {
    String[] parts = text.strip().split(":", 2);
    ModelType type = ModelType.of(parts[0]);
    FeatureSet features =
        parts.length > 1
            ? FeatureSet.of(parts[1])
            : type.readsSpectrogram() ? FeatureSet.LOG_MEL : FeatureSet.HANDCRAFTED;
    return new Variant(type, features);
  }

  public String name() {
    return type.id() + ":" + features.id();
  }
}
