package dev.earshot.classify.features;

import dev.earshot.classify.whisper.WhisperEmbedding;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mono samples in, the input row of a classifier out, for a chosen {@link FeatureSet}. Spectrogram
 * rows are {@code [1, bands, frames]} flattened band-major, cut to a fixed number of frames around
 * the loudest part of the chunk (or padded with the silence floor). Safe for concurrent use when
 * the embedding is.
 */
public final class Featurizer {

  /** Frames of the log-mel window for spectrogram models: 128 hops of 16 ms, about 2 s. */
  public static final int SPECTROGRAM_FRAMES = 128;

  private static final float SILENCE_DB = -100f;

  private final FeatureExtractor extractor;
  private final Optional<WhisperEmbedding> embedding;

  public Featurizer(FeatureExtractor extractor, Optional<WhisperEmbedding> embedding) {
    this.extractor = extractor;
    this.embedding = embedding;
  }

  public FeatureExtractor extractor() {
    return extractor;
  }

  public Optional<WhisperEmbedding> embedding() {
    return embedding;
  }

  /** Shape of one row of {@code set}. */
  public int[] shape(FeatureSet set) {
    return switch (set) {
      case HANDCRAFTED -> new int[] {extractor.featureNames().size()};
      case WHISPER -> new int[] {whisper(set).dimensions()};
      case COMBINED -> new int[] {extractor.featureNames().size() + whisper(set).dimensions()};
      case LOG_MEL -> new int[] {1, extractor.settings().melBands(), SPECTROGRAM_FRAMES};
    };
  }

  /** The row for {@code set}; the hand-made features are only computed when the set reads them. */
  public float[] row(FeatureSet set, float[] samples) {
    return switch (set) {
      case WHISPER -> whisper(set).embed(samples);
      default -> row(set, extractor.extract(samples), samples);
    };
  }

  /** The row for {@code set} from already extracted features and the samples behind them. */
  public float[] row(FeatureSet set, ChunkFeatures features, float[] samples) {
    return row(set, features, () -> whisper(set).embed(samples));
  }

  /**
   * The row for {@code set} from already extracted features and the chunk's Whisper embedding,
   * asked for only when the set reads it, so several classifiers can share one encoder pass.
   */
  public float[] row(FeatureSet set, ChunkFeatures features, Supplier<float[]> embedding) {
    return switch (set) {
      case HANDCRAFTED -> features.summary().values();
      case WHISPER -> embedding.get();
      case COMBINED -> concat(features.summary().values(), embedding.get());
      case LOG_MEL -> spectrogramWindow(features.logMel());
    };
  }

  private WhisperEmbedding whisper(FeatureSet set) {
    return embedding.orElseThrow(
        () ->
            new IllegalStateException(
                "feature set '" + set.id() + "' needs a Whisper model, and none is loaded"));
  }

  /** [frames][bands] → band-major [bands × SPECTROGRAM_FRAMES] around the loudest window. */
  static float[] spectrogramWindow(float[][] logMel) {
    int frames = logMel.length;
    int bands = frames == 0 ? 0 : logMel[0].length;
    int start = 0;
    if (frames > SPECTROGRAM_FRAMES) {
      // Slide a window over the frame energies and keep the loudest stretch.
      double[] energy = new double[frames];
      for (int t = 0; t < frames; t++) {
        for (float v : logMel[t]) {
          energy[t] += Math.pow(10.0, v / 10.0);
        }
      }
      double sum = 0.0;
      for (int t = 0; t < SPECTROGRAM_FRAMES; t++) {
        sum += energy[t];
      }
      double best = sum;
      for (int t = SPECTROGRAM_FRAMES; t < frames; t++) {
        sum += energy[t] - energy[t - SPECTROGRAM_FRAMES];
        if (sum > best) {
          best = sum;
          start = t - SPECTROGRAM_FRAMES + 1;
        }
      }
    }
    float[] out = new float[bands * SPECTROGRAM_FRAMES];
    Arrays.fill(out, SILENCE_DB);
    // Short chunks sit in the middle, with silence either side.
    int offset = frames < SPECTROGRAM_FRAMES ? (SPECTROGRAM_FRAMES - frames) / 2 : 0;
    int copied = Math.min(frames, SPECTROGRAM_FRAMES);
    for (int t = 0; t < copied; t++) {
      float[] frame = logMel[start + t];
      for (int b = 0; b < bands; b++) {
        out[b * SPECTROGRAM_FRAMES + offset + t] = frame[b];
      }
    }
    return out;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
