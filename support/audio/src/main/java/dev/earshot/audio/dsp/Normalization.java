package dev.earshot.audio.dsp;

import java.util.Objects;

/**
 * How loud to make a recording: no change, a peak level, or an RMS level that never pushes the peak
 * above {@link #RMS_PEAK_CEILING_DBFS}.
 *
 * @param mode what the target applies to
 * @param targetDbfs the level to reach, at most 0 dBFS (ignored for {@link Mode#NONE})
 */
public record Normalization(Mode mode, double targetDbfs) {

  /** What {@link #targetDbfs()} measures. */
  public enum Mode {
    NONE,
    PEAK,
    RMS
  }

  public static final double DEFAULT_PEAK_DBFS = -1.0;
  public static final double DEFAULT_RMS_DBFS = -20.0;

  /** RMS normalisation stops short of this peak level so it never clips. */
  public static final double RMS_PEAK_CEILING_DBFS = -0.1;

  public Normalization {
    Objects.requireNonNull(mode, "mode");
    if (!Double.isFinite(targetDbfs) || targetDbfs > 0.0) {
      throw new IllegalArgumentException(
          "normalisation target " + targetDbfs + " dBFS must be a finite level at most 0 dBFS");
    }
  }

  public static Normalization none() {
    return new Normalization(Mode.NONE, 0.0);
  }

  /** Peak normalisation to {@link #DEFAULT_PEAK_DBFS}. */
  public static Normalization peak() {
    return new Normalization(Mode.PEAK, DEFAULT_PEAK_DBFS);
  }

  public static Normalization peak(double targetDbfs) {
    return new Normalization(Mode.PEAK, targetDbfs);
  }

  /** RMS normalisation to {@link #DEFAULT_RMS_DBFS}. */
  public static Normalization rms() {
    return new Normalization(Mode.RMS, DEFAULT_RMS_DBFS);
  }

  public static Normalization rms(double targetDbfs) {
    return new Normalization(Mode.RMS, targetDbfs);
  }

  /**
   * The linear gain that brings a signal with this peak and RMS (both linear, as {@link LevelMeter}
   * reports them) to the target. Silence (peak 0) gets gain 1.
   */
  public double gainFor(double peak, double rms) {
    if (!(peak >= 0.0) || !(rms >= 0.0) || Double.isInfinite(peak) || Double.isInfinite(rms)) {
      throw new IllegalArgumentException(
          "levels must be finite and non-negative: peak " + peak + ", rms " + rms);
    }
    if (mode == Mode.NONE || peak == 0.0) {
      return 1.0;
    }
    if (mode == Mode.PEAK) {
      return Decibels.toLinear(targetDbfs) / peak;
    }
    double gain = rms == 0.0 ? Double.POSITIVE_INFINITY : Decibels.toLinear(targetDbfs) / rms;
    return Math.min(gain, Decibels.toLinear(RMS_PEAK_CEILING_DBFS) / peak);
  }
}
