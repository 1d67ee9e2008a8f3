package dev.earshot.audio.decode;

import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.IOException;
import java.util.Objects;

/**
 * Argument checks, closing and error wrapping shared by the decoders: a decoder library that throws
 * a runtime exception on bad input surfaces as a {@link Reason#CORRUPT} error.
 */
abstract class AbstractPcmStream implements PcmStream {

  private final AudioInfo info;
  private final Source source;
  private boolean closed;

  AbstractPcmStream(AudioInfo info, Source source) {
    this.info = info;
    this.source = source;
  }

  @Override
  public final AudioInfo info() {
    return info;
  }

  @Override
  public final int read(float[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length % info.channels() != 0) {
      throw new IllegalArgumentException(
          "read length " + length + " is not a multiple of " + info.channels() + " channels");
    }
    if (closed) {
      throw new IOException("stream is closed");
    }
    if (length == 0) {
      return 0;
    }
    try {
      return readSamples(buffer, offset, length);
    } catch (RuntimeException e) {
      throw corrupt(e);
    }
  }

  /** Reads at least one frame unless the stream has ended; length is a positive multiple. */
  abstract int readSamples(float[] buffer, int offset, int length) throws IOException;

  final AudioFormatException corrupt(Throwable cause) {
    String detail = cause.getClass().getSimpleName();
    if (cause.getMessage() != null) {
      detail += ": " + cause.getMessage();
    }
    return new AudioFormatException(
        Reason.CORRUPT, info.container().label() + " stream is corrupt: " + detail, cause);
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      source.close();
    }
  }
}
