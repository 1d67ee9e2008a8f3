package dev.earshot.audio.decode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers whether the underlying input failed, so a decoder can tell a network or disk error
 * (passed on as is) from a decoder library's complaint about the bytes (reported as corrupt).
 */
final class TrackingInputStream extends FilterInputStream {

  private IOException failure;

  TrackingInputStream(InputStream in) {
    super(in);
  }

  /** The last error the underlying input threw, or null. */
  IOException failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }
}
