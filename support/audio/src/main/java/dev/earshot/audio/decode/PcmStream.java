package dev.earshot.audio.decode;

import java.io.IOException;

/** Decoded audio, read as interleaved float samples in [-1, 1]; not thread-safe. */
public interface PcmStream extends AutoCloseable {

  /** The format found in the header. */
  AudioInfo info();

  /**
   * Reads up to {@code length} interleaved samples into {@code buffer}.
   *
   * @param length a multiple of the channel count
   * @return the number of samples read, a multiple of the channel count and at least one frame when
   *     {@code length > 0}, or -1 at the end of the stream
   * @throws AudioFormatException when the stream turns out to be truncated or corrupt
   * @throws IllegalArgumentException when {@code length} is not a multiple of the channel count
   */
  int read(float[] buffer, int offset, int length) throws IOException;

  /** Closes the input the stream was opened on. */
  @Override
  void close() throws IOException;
}
