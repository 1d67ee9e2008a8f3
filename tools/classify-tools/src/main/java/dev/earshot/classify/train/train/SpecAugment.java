package dev.earshot.classify.train;

import java.util.Random;

/**
 * A band-major log-mel window in, a copy with random frequency bands and time frames masked out
 * (set to the window's mean), as in SpecAugment; for training spectrogram models only.
 */
public final class SpecAugment {

  private SpecAugment() {}

  /**
   * @param spectrogram band-major [bands × frames]
   * @param maxBands widest frequency mask
   * @param maxFrames widest time mask
   */
  public static float[] mask(
      float[] spectrogram, int bands, int frames, int maxBands, int maxFrames, Random random) {
    if (spectrogram.length != bands * frames) {
      throw new IllegalArgumentException(
          "spectrogram has " + spectrogram.length + " values, not " + bands + " x " + frames);
    }
    float[] out = spectrogram.clone();
    double mean = 0.0;
    for (float v : spectrogram) {
      mean += v;
    }
    float fill = (float) (mean / spectrogram.length);
    int f = random.nextInt(maxBands + 1);
    int f0 = random.nextInt(Math.max(1, bands - f + 1));
    for (int b = f0; b < f0 + f && b < bands; b++) {
      for (int t = 0; t < frames; t++) {
        out[b * frames + t] = fill;
      }
    }
    int w = random.nextInt(maxFrames + 1);
    int t0 = random.nextInt(Math.max(1, frames - w + 1));
    for (int b = 0; b < bands; b++) {
      for (int t = t0; t < t0 + w && t < frames; t++) {
        out[b * frames + t] = fill;
      }
    }
    return out;
  }
}
