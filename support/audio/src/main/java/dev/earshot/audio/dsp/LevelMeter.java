package dev.earshot.audio.dsp;

import java.util.Objects;

/** Streaming peak and RMS level of a float signal; not thread-safe. */
public final class LevelMeter implements FloatSink {

  private long count;
  private double sumOfSquares;
  private float peak;

  /** Measures a whole signal in one call. */
  public static LevelMeter of(float[] signal) {
    LevelMeter meter = new LevelMeter();
    meter.accept(signal, 0, signal.length);
    return meter;
  }

  @Override
  public void accept(float[] samples, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    double sum = 0.0;
    float max = peak;
    for (int i = offset; i < offset + length; i++) {
      float v = samples[i];
      sum += (double) v * v;
      max = Math.max(max, Math.abs(v));
    }
    sumOfSquares += sum;
    peak = max;
    count += length;
  }

  /** Samples measured so far. */
  public long count() {
    return count;
  }

  /** Largest absolute sample value; 0 before any sample. */
  public double peak() {
    return peak;
  }

  /** Root mean square; 0 before any sample. */
  public double rms() {
    return count == 0 ? 0.0 : Math.sqrt(sumOfSquares / count);
  }

  public double peakDbfs() {
    return Decibels.fromLinear(peak());
  }

  public double rmsDbfs() {
    return Decibels.fromLinear(rms());
  }
}
