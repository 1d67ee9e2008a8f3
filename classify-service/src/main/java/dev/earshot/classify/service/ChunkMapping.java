package dev.earshot.classify.service;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.schema.AudioChunk;

/** Turns an AudioChunk record into 16 kHz samples for the classifiers, or says why it cannot. */
final class ChunkMapping {

  static final int RATE = 16_000;

  private ChunkMapping() {}

  /**
   * @throws ChunkPayload.InvalidChunkException with the reason for the dead-letter topic
   */
  static float[] samples(AudioChunk chunk, double maxSeconds)
      throws ChunkPayload.InvalidChunkException {
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
