package dev.earshot.audio.decode;

import java.util.Objects;

/**
 * What a decoder found in a stream's header.
 *
 * @param container the file format
 * @param codec how the samples are coded, e.g. "PCM 24-bit", "IEEE float 32-bit", "Vorbis"
 * @param sampleRate frames per second
 * @param channels samples per frame
 * @param totalFrames frames in the whole stream, or -1 when the header does not say
 */
public record AudioInfo(
    Container container, String codec, int sampleRate, int channels, long totalFrames) {

  public AudioInfo {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(codec, "codec");
    if (codec.isBlank()) {
      throw new IllegalArgumentException("codec must not be blank");
    }
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is not positive");
    }
    if (channels <= 0) {
      throw new IllegalArgumentException("channel count " + channels + " is not positive");
    }
    if (totalFrames < -1) {
      throw new IllegalArgumentException("total frames " + totalFrames + " is below -1");
    }
  }

  /** True when {@link #totalFrames()} is known. */
  public boolean hasTotalFrames() {
    return totalFrames >= 0;
  }

  /** Duration in seconds, or -1 when the total frame count is unknown. */
  public double durationSeconds() {
    return hasTotalFrames() ? (double) totalFrames / sampleRate : -1.0;
  }

  /** One line for logs and error messages, e.g. "WAV PCM 24-bit, 44100 Hz, 2 ch". */
  public String describe() {
    String label = container.label();
    String format = codec.startsWith(label) ? codec : label + " " + codec;
    return format + ", " + sampleRate + " Hz, " + channels + " ch";
  }
}
