package dev.earshot.audio.decode;

import java.io.IOException;

/** A stream whose decoder produces whole blocks of interleaved frames (a FLAC or MP3 frame). */
abstract class BlockPcmStream extends AbstractPcmStream {

  float[] block = new float[0];
  int blockLength;
  private int blockPosition;
  private boolean ended;

  BlockPcmStream(AudioInfo info, Source source) {
    super(info, source);
  }

  @Override
  final int readSamples(float[] buffer, int offset, int length) throws IOException {
    while (blockPosition >= blockLength) {
      if (ended) {
        return -1;
      }
      blockLength = 0;
      blockPosition = 0;
      boolean more = false;
      try {
        more = decodeBlock();
      } finally {
        ended = !more;
      }
    }
    int n = Math.min(length, blockLength - blockPosition);
    System.arraycopy(block, blockPosition, buffer, offset, n);
    blockPosition += n;
    return n;
  }

  /**
   * Decodes the next block into {@link #block} and sets {@link #blockLength} (whole frames, may be
   * zero); returns false at the end of the stream.
   */
  abstract boolean decodeBlock() throws IOException;

  /** Grows {@link #block} to hold at least {@code samples}. */
  final float[] ensureBlock(int samples) {
    if (block.length < samples) {
      block = new float[samples];
    }
    return block;
  }
}
