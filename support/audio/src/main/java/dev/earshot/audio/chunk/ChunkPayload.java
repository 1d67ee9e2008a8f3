package dev.earshot.audio.chunk;

import dev.earshot.audio.SampleRates;
import dev.earshot.audio.dsp.Resampler;
import java.nio.ByteBuffer;

/**
 * The checks every consumer of the chunk topic makes before using a chunk's payload, and its
 * decoding to mono samples at the consumer's rate. What fails here is the record's fault, not the
 * consumer's, so callers send it to the dead-letter topic with the message.
 */
public final class ChunkPayload {

  private ChunkPayload() {}

  /** A chunk that cannot be used; the message says why, for the dead-letter topic. */
  public static final class InvalidChunkException extends Exception {
    public InvalidChunkException(String message) {
      super(message);
    }
  }

  /**
   * As {@link #decodeMono(byte[], PcmEncoding, int, int, double, double, int)}, for a payload held
   * in a buffer (as Avro gives it); the buffer's position is left as it was.
   */
  public static float[] decodeMono(
      ByteBuffer payload,
      PcmEncoding encoding,
      int sampleRate,
      int channels,
      double offsetSeconds,
      double maxSeconds,
      int targetRate)
      throws InvalidChunkException {
    ByteBuffer view = payload.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return decodeMono(bytes, encoding, sampleRate, channels, offsetSeconds, maxSeconds, targetRate);
  }

  /**
   * @param bytes the PCM payload as published
   * @param encoding the payload's sample encoding
   * @param sampleRate the payload's rate in Hz
   * @param channels channels in the payload; chunks are mono
   * @param offsetSeconds where the chunk starts in its recording
   * @param maxSeconds the longest chunk the caller accepts
   * @param targetRate the rate the caller works at
   * @return mono samples at {@code targetRate}
   */
  public static float[] decodeMono(
      byte[] bytes,
      PcmEncoding encoding,
      int sampleRate,
      int channels,
      double offsetSeconds,
      double maxSeconds,
      int targetRate)
      throws InvalidChunkException {
    if (!SampleRates.isSupported(sampleRate)) {
      throw new InvalidChunkException(
          "impossible sample rate: "
              + SampleRates.describeUnsupported("chunk sample rate", sampleRate));
    }
    if (channels != 1) {
      throw new InvalidChunkException("chunk has " + channels + " channels; chunks are mono");
    }
    if (!(offsetSeconds >= 0) || Double.isInfinite(offsetSeconds)) {
      throw new InvalidChunkException("impossible chunk offset " + offsetSeconds + " s");
    }
    float[] samples;
    try {
      samples = PcmCodec.decode(bytes, encoding);
    } catch (IllegalArgumentException e) {
      throw new InvalidChunkException("corrupt payload: " + e.getMessage());
    }
    for (float sample : samples) {
      if (!Float.isFinite(sample)) {
        throw new InvalidChunkException(
            "corrupt payload: it holds samples that are not finite numbers");
      }
    }
    double seconds = samples.length / (double) sampleRate;
    if (seconds > maxSeconds + 1e-6) {
      throw new InvalidChunkException(
          String.format("chunk holds %.3f s, more than the %.0f s accepted", seconds, maxSeconds));
    }
    return sampleRate == targetRate ? samples : Resampler.resample(samples, sampleRate, targetRate);
  }
}
