package dev.earshot.worker;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.schema.AudioChunk;

/**
 * Turns an {@link AudioChunk} record into mono samples at the rate a consumer works at, or says why
 * it cannot: every consumer of chunks (the workers, results-service's spectrograms) accepts and
 * rejects the same records for the same reasons.
 */
public final class ChunkAudio {

  /** Whisper's rate, and so every consumer's. */
  public static final int RATE = 16_000;

  private ChunkAudio() {}

  /**
   * @param maxSeconds the longest chunk the consumer accepts
   * @throws ChunkPayload.InvalidChunkException with the reason for the dead-letter topic
   */
  public static float[] samples(AudioChunk chunk, double maxSeconds)
      throws ChunkPayload.InvalidChunkException {
    if (chunk.getRecordingId() == null || chunk.getRecordingId().isBlank()) {
      throw new ChunkPayload.InvalidChunkException("chunk has no recording id");
    }
    if (chunk.getSequence() < 0) {
      throw new ChunkPayload.InvalidChunkException(
          "impossible chunk sequence " + chunk.getSequence());
    }
    float[] samples =
        ChunkPayload.decodeMono(
            chunk.getPayload(),
            PcmEncoding.valueOf(chunk.getEncoding().name()),
            chunk.getSampleRate(),
            chunk.getChannels(),
            chunk.getOffsetSeconds(),
            maxSeconds,
            RATE);
    if (samples.length == 0) {
      throw new ChunkPayload.InvalidChunkException("chunk holds no audio");
    }
    return samples;
  }
}
