package dev.earshot.whisper;

/**
 * Up to 30 s of 16 kHz mono audio to transcribe, and where it starts in its recording so segment
 * times are times in the whole recording.
 *
 * @param languageHint the recording's language as far as its earlier windows tell, used when this
 *     window's own detection is unsure; null when nothing is known
 */
public record AudioWindow(float[] samples, double offsetSeconds, String languageHint) {

  public AudioWindow(float[] samples, double offsetSeconds) {
    this(samples, offsetSeconds, null);
  }

  public AudioWindow {
    if (samples == null) {
      throw new IllegalArgumentException("samples are required");
    }
    if (offsetSeconds < 0 || Double.isNaN(offsetSeconds)) {
      throw new IllegalArgumentException("offsetSeconds must be >= 0, got " + offsetSeconds);
    }
  }

  public double durationSeconds(int sampleRate) {
    return samples.length / (double) sampleRate;
  }
}
