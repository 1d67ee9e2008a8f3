package dev.earshot.audio;

import java.util.Random;

/** Synthetic test signals and the measurements the tests make on them. */
public final class Signals {

  private Signals() {}

  public static float[] sine(double frequency, int sampleRate, int length, double amplitude) {
    return sine(frequency, sampleRate, length, amplitude, 0.0);
  }

  public static float[] sine(
      double frequency, int sampleRate, int length, double amplitude, double phase) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / sampleRate + phase));
    }
    return x;
  }

  /** Uniform white noise in [-amplitude, amplitude]. */
  public static float[] noise(long seed, int length, double amplitude) {
    Random random = new Random(seed);
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (amplitude * (2 * random.nextDouble() - 1));
    }
    return x;
  }

  /**
   * Noise shaped like speech: bursts of a few hundred milliseconds ("syllables") separated by short
   * pauses and longer breaths of near silence.
   */
  public static float[] speechLike(long seed, int sampleRate, int length) {
    Random random = new Random(seed);
    float[] x = new float[length];
    int i = 0;
    while (i < length) {
      int burst = (int) (sampleRate * (0.08 + 0.3 * random.nextDouble()));
      double level = 0.05 + 0.4 * random.nextDouble();
      for (int j = 0; j < burst && i < length; j++, i++) {
        double envelope = Math.sin(Math.PI * j / burst);
        x[i] = (float) (level * envelope * (2 * random.nextDouble() - 1));
      }
      int pause =
          (int) (sampleRate * (random.nextDouble() < 0.15 ? 0.4 : 0.03 * random.nextDouble()));
      for (int j = 0; j < pause && i < length; j++, i++) {
        x[i] = (float) (1e-4 * (2 * random.nextDouble() - 1));
      }
    }
    return x;
  }

  public static float[] concat(float[]... parts) {
    int length = 0;
    for (float[] part : parts) {
      length += part.length;
    }
    float[] all = new float[length];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  public static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  public static double rms(float[] x) {
    return rms(x, 0, x.length);
  }

  public static double db(double ratio) {
    return 20 * Math.log10(ratio);
  }

  /** Amplitude of the component at {@code frequency}: a DFT bin on a Hann window. */
  public static double amplitudeAt(float[] x, int from, int to, double frequency, int sampleRate) {
    int n = to - from;
    double w = 2 * Math.PI * frequency / sampleRate;
    double stepRe = Math.cos(w);
    double stepIm = -Math.sin(w);
    double phasorRe = 1;
    double phasorIm = 0;
    double re = 0;
    double im = 0;
    double windowSum = 0;
    for (int i = 0; i < n; i++) {
      double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
      double v = x[from + i] * window;
      windowSum += window;
      re += v * phasorRe;
      im += v * phasorIm;
      double nextRe = phasorRe * stepRe - phasorIm * stepIm;
      phasorIm = phasorRe * stepIm + phasorIm * stepRe;
      phasorRe = nextRe;
    }
    return 2 * Math.hypot(re, im) / windowSum;
  }

  /** Frequency of the strongest component between {@code low} and {@code high} Hz, to 0.5 Hz. */
  public static double dominantFrequency(
      float[] x, int from, int to, int sampleRate, double low, double high) {
    double best = low;
    double bestAmplitude = -1;
    for (double f = low; f <= high; f += 10) {
      double a = amplitudeAt(x, from, to, f, sampleRate);
      if (a > bestAmplitude) {
        bestAmplitude = a;
        best = f;
      }
    }
    double coarse = best;
    for (double f = coarse - 10; f <= coarse + 10; f += 0.5) {
      double a = amplitudeAt(x, from, to, f, sampleRate);
      if (a > bestAmplitude) {
        bestAmplitude = a;
        best = f;
      }
    }
    return best;
  }
}
