package dev.earshot.ingest.recording;

/**
 * A short piece of a live stream's resampled audio, published while the stream is open for live
 * captions.
 *
 * @param offsetSamples where the piece starts in the recording, in samples at its sample rate
 * @param payload signed 16-bit little-endian mono samples; empty only on a last piece
 * @param last the stream ended with this piece (finished, failed or cut off)
 */
public record LivePiece(int sequence, long offsetSamples, byte[] payload, boolean last) {

  public int sampleCount() {
    return payload.length / 2;
  }
}
