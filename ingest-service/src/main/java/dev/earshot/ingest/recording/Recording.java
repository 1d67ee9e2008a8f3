package dev.earshot.ingest.recording;

import dev.earshot.audio.chunk.PcmEncoding;
import java.util.Objects;

/**
 * One recording being ingested: its id, where it came from and, once the audio was opened, the
 * input format ({@code inputFormat} is null for inputs rejected before their format was known).
 */
public record Recording(
    String id,
    RecordingSource source,
    InputFormat inputFormat,
    int sampleRate,
    PcmEncoding encoding) {

  public Recording {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(encoding, "encoding");
  }

  /** The decoded input as described to users, e.g. "WAV PCM 24-bit, 44100 Hz, 2 ch". */
  public record InputFormat(String description, int sampleRate, int channels) {}
}
