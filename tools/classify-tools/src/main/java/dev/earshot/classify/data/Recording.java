package dev.earshot.classify.data;

import dev.earshot.classify.train.Augmenter;
import java.util.Random;

/**
 * Makes a clip sound as if recorded in different ways, so that neither the band, the level nor a
 * noise floor tells the classes apart: every label goes through the same draws. About one clip in
 * five comes over a telephone line (300–3400 Hz, 8 kHz, half of them µ-law), one in ten through a
 * cheaper 11–12 kHz chain, the rest full band; one in three gets a noise floor 10–40 dB below it.
 */
public final class Recording {

  private final Augmenter augmenter = new Augmenter(Clips.RATE);

  /** A level and channel for a sound: active part at -34 to -12 dBFS RMS, peaks below -1 dBFS. */
  public float[] sound(float[] x, Random random) {
    float[] y = Clips.level(x, Clips.between(random, -34, -12), 0.89);
    return channel(y, random, true);
  }

  /** A channel for background or near-silence, keeping its (low) level. */
  public float[] quiet(float[] x, Random random) {
    return channel(x, random, false);
  }

  private float[] channel(float[] x, Random random, boolean noiseFloor) {
    double band = random.nextDouble();
    float[] y = x;
    if (band < 0.2) {
      y = augmenter.telephone(y, random.nextBoolean());
    } else if (band < 0.3) {
      y = Clips.bandLimit(y, random.nextBoolean() ? 22_050 / 2 : 12_000);
    }
    if (noiseFloor && random.nextDouble() < 0.33) {
      y = augmenter.addNoise(y, Clips.between(random, 10, 40), random);
    }
    return y;
  }
}
