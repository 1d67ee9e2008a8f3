package dev.earshot.ingest.recording;

/**
 * A chunk ready to publish: its place in the recording and its samples already encoded, so a staged
 * recording holds 2 bytes per sample instead of 4.
 */
public record EncodedChunk(
    int sequence, long offsetSamples, int sampleCount, byte[] payload, boolean last) {

  public double offsetSeconds(int sampleRate) {
    return offsetSamples / (double) sampleRate;
  }

  public double durationSeconds(int sampleRate) {
    return sampleCount / (double) sampleRate;
  }
}
