package dev.earshot.audio.dsp;

/**
 * Settings for {@link SilenceTrimmer}.
 *
 * @param enabled false passes every sample through
 * @param thresholdDbfs a frame whose RMS is at or above this level counts as sound
 * @param frameSeconds length of the frames whose RMS is measured
 * @param paddingSeconds quiet audio kept next to the sound, before its start and after its end
 */
public record Trimming(
    boolean enabled, double thresholdDbfs, double frameSeconds, double paddingSeconds) {

  public static final double DEFAULT_THRESHOLD_DBFS = -50.0;
  public static final double DEFAULT_FRAME_SECONDS = 0.02;
  public static final double DEFAULT_PADDING_SECONDS = 0.2;

  public Trimming {
    if (!Double.isFinite(thresholdDbfs) || thresholdDbfs > 0.0) {
      throw new IllegalArgumentException(
          "silence threshold " + thresholdDbfs + " dBFS must be a finite level at most 0 dBFS");
    }
    if (!(frameSeconds > 0.0 && frameSeconds <= 1.0)) {
      throw new IllegalArgumentException(
          "silence frame " + frameSeconds + " s must be above 0 and at most 1 s");
    }
    if (!(paddingSeconds >= 0.0 && paddingSeconds <= 60.0)) {
      throw new IllegalArgumentException(
          "silence padding " + paddingSeconds + " s must be between 0 and 60 s");
    }
  }

  /** Enabled, -50 dBFS over 20 ms frames, 200 ms padding. */
  public static Trimming defaults() {
    return new Trimming(
        true, DEFAULT_THRESHOLD_DBFS, DEFAULT_FRAME_SECONDS, DEFAULT_PADDING_SECONDS);
  }

  /** Trimming switched off (the other values are the defaults). */
  public static Trimming disabled() {
    return new Trimming(
        false, DEFAULT_THRESHOLD_DBFS, DEFAULT_FRAME_SECONDS, DEFAULT_PADDING_SECONDS);
  }
}
