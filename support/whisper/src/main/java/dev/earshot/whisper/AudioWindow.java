package dev.earshot.whisper;

/**
 * Up to 30 s of 16 kHz mono audio to transcribe, and where it starts in its recording so segment
 * times are times in the whole recording.
 */
public record AudioWindow(float[] samples, double offsetSeconds) {

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
