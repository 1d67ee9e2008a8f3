package dev.earshot.classify.data;

import dev.earshot.audio.dsp.Resampler;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Cutting, placing, joining and levelling of 16 kHz mono clips. */
public final class Clips {

  public static final int RATE = Synthesiser.SAMPLE_RATE;

  private static final int FRAME = RATE / 100;

  private Clips() {}

  public static int samples(double seconds) {
    return (int) Math.round(seconds * RATE);
  }

  /**
   * The part that is not silence: from the first to the last 10 ms frame within {@code rangeDb} of
   * the loudest, with 30 ms to spare at each end.
   */
  public static float[] active(float[] x, double rangeDb) {
    int frames = x.length / FRAME;
    if (frames < 2) {
      return x;
    }
    double[] power = new double[frames];
    double max = 0;
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
        sum += x[i] * x[i];
      }
      power[f] = sum / FRAME;
      max = Math.max(max, power[f]);
    }
    if (max == 0) {
      return x;
    }
    double threshold = max * Math.pow(10, -rangeDb / 10);
    int first = 0;
    while (power[first] < threshold) {
      first++;
    }
    int last = frames - 1;
    while (power[last] < threshold) {
      last--;
    }
    int from = Math.max(0, first * FRAME - 3 * FRAME);
    int to = Math.min(x.length, (last + 1) * FRAME + 3 * FRAME);
    return Arrays.copyOfRange(x, from, to);
  }

  /**
   * Exactly {@code length} samples: a longer input is cut at a random start, a shorter one placed
   * at a random offset in silence.
   */
  public static float[] fit(float[] x, int length, Random random) {
    if (x.length >= length) {
      int start = x.length == length ? 0 : random.nextInt(x.length - length + 1);
      return Arrays.copyOfRange(x, start, start + length);
    }
    float[] out = new float[length];
    System.arraycopy(x, 0, out, random.nextInt(length - x.length + 1), x.length);
    return out;
  }

  /** Repeats the input, with {@code gap} seconds of silence between, up to {@code length}. */
  public static float[] loop(float[] x, int length, double gap) {
    float[] out = new float[length];
    int step = x.length + samples(gap);
    for (int at = 0; at < length; at += Math.max(step, 1)) {
      System.arraycopy(x, 0, out, at, Math.min(x.length, length - at));
    }
    return out;
  }

  /** The parts one after the other with {@code gaps[i]} seconds of silence after part i. */
  public static float[] join(List<float[]> parts, double[] gaps) {
    int length = 0;
    for (int i = 0; i < parts.size(); i++) {
      length += parts.get(i).length + (i < parts.size() - 1 ? samples(gaps[i]) : 0);
    }
    float[] out = new float[length];
    int at = 0;
    for (int i = 0; i < parts.size(); i++) {
      System.arraycopy(parts.get(i), 0, out, at, parts.get(i).length);
      at += parts.get(i).length + (i < parts.size() - 1 ? samples(gaps[i]) : 0);
    }
    return out;
  }

  /** Adds {@code y} (scaled by {@code gain}) into {@code x} from sample {@code at}, in place. */
  public static float[] mixInto(float[] x, float[] y, int at, double gain) {
    for (int i = 0; i < y.length && at + i < x.length; i++) {
      if (at + i >= 0) {
        x[at + i] += (float) (y[i] * gain);
      }
    }
    return x;
  }

  /**
   * Plays faster and higher (or slower and lower) by {@code semitones}, as a sampler does: the rate
   * is rounded to 100 Hz so that the resampler's filter bank stays small.
   */
  public static float[] transpose(float[] x, double semitones) {
    int from = (int) Math.round(RATE * Math.pow(2, semitones / 12.0) / 100.0) * 100;
    return from == RATE ? x.clone() : Resampler.resample(x, from, RATE);
  }

  /** Keeps only what a recording at {@code rate} holds: down to that rate and back up. */
  public static float[] bandLimit(float[] x, int rate) {
    return Arrays.copyOf(
        Resampler.resample(Resampler.resample(x, RATE, rate), rate, RATE), x.length);
  }

  public static double rms(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += v * v;
    }
    return x.length == 0 ? 0 : Math.sqrt(sum / x.length);
  }

  public static double peak(float[] x) {
    double peak = 0;
    for (float v : x) {
      peak = Math.max(peak, Math.abs(v));
    }
    return peak;
  }

  /**
   * Scales so that the active part's RMS is {@code dbfs} decibels below full scale, but never so
   * far that the peak passes {@code maxPeak}.
   */
  public static float[] level(float[] x, double dbfs, double maxPeak) {
    double rms = rms(active(x, 40));
    double peak = peak(x);
    if (rms == 0 || peak == 0) {
      return x.clone();
    }
    double gain = Math.min(Math.pow(10, dbfs / 20) / rms, maxPeak / peak);
    return scale(x, gain);
  }

  public static float[] scale(float[] x, double gain) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) (x[i] * gain);
    }
    return out;
  }

  /** Short linear fades at both ends, so cut pieces do not start or stop with a click. */
  public static float[] fade(float[] x, double seconds) {
    float[] out = x.clone();
    int n = Math.min(samples(seconds), x.length / 2);
    for (int i = 0; i < n; i++) {
      float g = (float) i / n;
      out[i] *= g;
      out[x.length - 1 - i] *= g;
    }
    return out;
  }

  /** A uniformly random value in [from, to). */
  public static double between(Random random, double from, double to) {
    return from + random.nextDouble() * (to - from);
  }

  public static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
