package dev.earshot.stt.service;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.schema.AudioChunk;
import dev.earshot.stt.model.SpeechToText;

/** Turns an AudioChunk record into 16 kHz samples for Whisper, or says why it cannot. */
final class ChunkMapping {

  static final int WHISPER_RATE = 16000;
  static final double MAX_SECONDS = 30.0;

  private ChunkMapping() {}

  /**
   * @throws ChunkPayload.InvalidChunkException with the reason for the dead-letter topic
   */
  static SpeechToText.Chunk toSpeech(AudioChunk chunk) throws ChunkPayload.InvalidChunkException {
    float[] samples =
        ChunkPayload.decodeMono(
            chunk.getPayload(),
            PcmEncoding.valueOf(chunk.getEncoding().name()),
            chunk.getSampleRate(),
            chunk.getChannels(),
            chunk.getOffsetSeconds(),
            MAX_SECONDS,
            WHISPER_RATE);
    return new SpeechToText.Chunk(
        chunk.getRecordingId(), chunk.getSequence(), chunk.getOffsetSeconds(), samples);
  }
}
