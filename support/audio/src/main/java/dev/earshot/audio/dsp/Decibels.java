package dev.earshot.audio.dsp;

/** Conversions between linear amplitude (1.0 = full scale) and dBFS. */
public final class Decibels {

  private Decibels() {}

  /** Linear amplitude of a level in dBFS: 0 dBFS is 1.0, -6.02 dBFS is 0.5. */
  public static double toLinear(double dbfs) {
    return Math.pow(10.0, dbfs / 20.0);
  }

  /** Level in dBFS of a linear amplitude; negative infinity for 0. */
  public static double fromLinear(double amplitude) {
    return 20.0 * Math.log10(amplitude);
  }
}
