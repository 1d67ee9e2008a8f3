package dev.earshot.audio.chunk;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run of mono samples cut from a recording; equality compares the sample values.
 *
 * @param sequence position among the recording's chunks, from 0
 * @param offsetSamples offset of the first sample in the whole recording, at the chunk's rate
 * @param samples the audio, owned by the chunk without a copy (chunks are large): treat it as
 *     read-only
 * @param last true for the recording's final chunk
 */
public record Chunk(int sequence, long offsetSamples, float[] samples, boolean last) {

  public Chunk {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence " + sequence + " is negative");
    }
    if (offsetSamples < 0) {
      throw new IllegalArgumentException("offset " + offsetSamples + " is negative");
    }
    Objects.requireNonNull(samples, "samples");
    if (samples.length == 0) {
      throw new IllegalArgumentException("a chunk needs at least one sample");
    }
  }

  public int length() {
    return samples.length;
  }

  /** Offset just past the last sample: the next chunk's offset. */
  public long endSamples() {
    return offsetSamples + samples.length;
  }

  public double durationSeconds(int sampleRate) {
    return (double) samples.length / sampleRate;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Chunk c
        && c.sequence == sequence
        && c.offsetSamples == offsetSamples
        && c.last == last
        && Arrays.equals(c.samples, samples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, offsetSamples, last, Arrays.hashCode(samples));
  }

  @Override
  public String toString() {
    return "Chunk[sequence="
        + sequence
        + ", offsetSamples="
        + offsetSamples
        + ", length="
        + samples.length
        + ", last="
        + last
        + "]";
  }
}
