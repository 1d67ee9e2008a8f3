package dev.earshot.classify.classifier;

import dev.earshot.classify.features.ChunkFeatures;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.whisper.WhisperEmbedding;

/**
 * One chunk's samples with its features, computed once however many classifiers read them: the
 * hand-made features eagerly, the Whisper encoder's states (behind the embedding and word spotting)
 * when a classifier first asks for them.
 */
public final class ChunkInput {

  private final float[] samples;
  private final Featurizer featurizer;
  private final ChunkFeatures features;
  private WhisperEmbedding.Encoded encoded;
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

  /** The Whisper encoder's states over the chunk, computed once for every classifier. */
  public synchronized WhisperEmbedding.Encoded encoded() {
    if (encoded == null) {
      encoded = whisper().encode(samples);
    }
    return encoded;
  }

  private synchronized float[] embedding() {
    if (embedding == null) {
      embedding = whisper().pool(encoded());
    }
    return embedding;
  }

  private WhisperEmbedding whisper() {
    return featurizer
        .embedding()
        .orElseThrow(() -> new IllegalStateException("no Whisper model is loaded"));
  }
}
