package dev.earshot.audio;

/** The range of sample rates that every part of the audio module accepts. */
public final class SampleRates {

  /** Lowest supported rate in Hz. */
  public static final int MIN = 1000;

  /** Highest supported rate in Hz (the fastest rate common studio converters produce). */
  public static final int MAX = 768_000;

  private SampleRates() {}

  public static boolean isSupported(long rate) {
    return rate >= MIN && rate <= MAX;
  }

  /**
   * Returns the rate, or throws an {@link IllegalArgumentException} naming it when it is outside
   * {@link #MIN}..{@link #MAX}.
   */
  public static int require(int rate, String what) {
    if (!isSupported(rate)) {
      throw new IllegalArgumentException(describeUnsupported(what, rate));
    }
    return rate;
  }

  /** The message used wherever a rate is rejected, e.g. "WAV sample rate 0 Hz is outside ...". */
  public static String describeUnsupported(String what, long rate) {
    return what + " " + rate + " Hz is outside the supported range " + MIN + ".." + MAX + " Hz";
  }
}
