package dev.earshot.classify.classifier;

import dev.earshot.classify.features.ChunkFeatures;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.Featurizer;

/**
 * One chunk's samples with its features, computed once however many classifiers read them: the
 * hand-made features eagerly, the Whisper embedding when a classifier first asks for it.
 */
public final class ChunkInput {

  private final float[] samples;
  private final Featurizer featurizer;
  private final ChunkFeatures features;
  private float[] embedding;

  ChunkInput(float[] samples, Featurizer featurizer, ChunkFeatures features) {
    this.samples = samples;
    this.featurizer = featurizer;
    this.features = features;
  }

  /** 16 kHz mono samples. */
  public float[] samples() {
    return samples;
  }

  public ChunkFeatures features() {
    return features;
  }

  /** The model input row of {@code set}, before scaling. */
  public float[] row(FeatureSet set) {
    return featurizer.row(set, features, this::embedding);
  }

  private synchronized float[] embedding() {
    if (embedding == null) {
      embedding =
          featurizer
              .embedding()
              .orElseThrow(() -> new IllegalStateException("no Whisper model is loaded"))
              .embed(samples);
    }
    return embedding;
  }
}
