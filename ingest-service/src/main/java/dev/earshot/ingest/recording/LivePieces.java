package dev.earshot.ingest.recording;

import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.dsp.FloatSink;
import java.util.Objects;

/**
 * Cuts a live stream's resampled audio into pieces of a fixed length as it arrives and hands them
 * to a {@link LiveAudioPublisher}; {@link #end()} sends what is left as the last piece, empty when
 * nothing is. Independent of the chunker, which holds audio back for up to its target plus search
 * seconds (12 s by default) to find a quiet boundary: captions cannot wait that long. Not
 * thread-safe: the recording calls it under its own lock.
 */
final class LivePieces implements FloatSink {

  private final Recording recording;
  private final LiveAudioPublisher publisher;
  private final float[] piece;
  private int filled;
  private int sequence;
  private long offset;
  private boolean ended;

  /**
   * @param pieceSamples samples per piece at the recording's sample rate
   */
  LivePieces(Recording recording, int pieceSamples, LiveAudioPublisher publisher) {
    if (pieceSamples < 1) {
      throw new IllegalArgumentException("pieces need at least one sample, got " + pieceSamples);
    }
    this.recording = Objects.requireNonNull(recording, "recording");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.piece = new float[pieceSamples];
  }

  @Override
  public void accept(float[] samples, int from, int length) {
    if (ended) {
      return;
    }
    for (int at = from; at < from + length; ) {
      int n = Math.min(piece.length - filled, from + length - at);
      System.arraycopy(samples, at, piece, filled, n);
      filled += n;
      at += n;
      if (filled == piece.length) {
        send(false);
      }
    }
  }

  /** Sends the rest as the last piece; later calls do nothing. */
  void end() {
    if (!ended) {
      send(true);
      ended = true;
    }
  }

  private void send(boolean last) {
    byte[] payload = PcmCodec.encode(piece, 0, filled, PcmEncoding.PCM_S16LE);
    publisher.piece(recording, new LivePiece(sequence++, offset, payload, last));
    offset += filled;
    filled = 0;
  }
}
