package dev.earshot.audio.decode;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A mark-capable input stream that counts the bytes consumed and, for files and arrays, knows the
 * total length, so parsers can report exactly how much is missing.
 */
final class Source implements Closeable {

  private final InputStream in;
  private final long length;
  private long position;

  /**
   * @param in a stream that supports mark/reset
   * @param length total bytes in the input, or -1 when unknown (a network stream)
   */
  Source(InputStream in, long length) {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("source stream must support mark/reset");
    }
    this.in = in;
    this.length = length;
  }

  /** Total input length in bytes, or -1 when unknown. */
  long length() {
    return length;
  }

  /** Bytes consumed so far. */
  long position() {
    return position;
  }

  /** Bytes left after the current position, or -1 when the length is unknown. */
  long remaining() {
    return length < 0 ? -1 : Math.max(0, length - position);
  }

  /** Returns up to {@code count} upcoming bytes without consuming them; fewer only at the end. */
  byte[] peek(int count) throws IOException {
    in.mark(count);
    byte[] head = new byte[count];
    int n = 0;
    try {
      n = readFullyRaw(head, 0, count);
    } finally {
      in.reset();
    }
    return n == count ? head : Arrays.copyOf(head, n);
  }

  /** Reads until {@code count} bytes arrive or the input ends; returns the number read. */
  int readFully(byte[] buffer, int offset, int count) throws IOException {
    int n = readFullyRaw(buffer, offset, count);
    position += n;
    return n;
  }

  /** Skips until {@code count} bytes are passed or the input ends; returns the number skipped. */
  long skipFully(long count) throws IOException {
    long done = 0;
    byte[] scratch = null;
    while (done < count) {
      long skipped = in.skip(count - done);
      if (skipped <= 0) {
        // skip() may return 0 before the end; a read tells the end from a pause.
        if (scratch == null) {
          scratch = new byte[(int) Math.min(8192, count - done)];
        }
        int n = in.read(scratch, 0, (int) Math.min(scratch.length, count - done));
        if (n < 0) {
          break;
        }
        skipped = n;
      }
      done += skipped;
    }
    position += done;
    return done;
  }

  /** The underlying stream, for decoders that take over reading from the current position. */
  InputStream stream() {
    return in;
  }

  private int readFullyRaw(byte[] buffer, int offset, int count) throws IOException {
    int done = 0;
    while (done < count) {
      int n = in.read(buffer, offset + done, count - done);
      if (n < 0) {
        break;
      }
      done += n;
    }
    return done;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
