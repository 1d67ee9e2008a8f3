package dev.earshot.stt.service;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.schema.AudioChunk;
import dev.earshot.stt.model.SpeechToText;
import java.nio.ByteBuffer;

/** Turns an AudioChunk record into 16 kHz samples for Whisper, or says why it cannot. */
final class ChunkMapping {

  static final int WHISPER_RATE = 16000;
  static final double MAX_SECONDS = 30.0;

  private ChunkMapping() {}

  /** A chunk that cannot be transcribed; the message goes to the dead-letter topic. */
  static final class InvalidChunk extends Exception {
    InvalidChunk(String message) {
      super(message);
    }
  }

  static SpeechToText.Chunk toSpeech(AudioChunk chunk) throws InvalidChunk {
    ByteBuffer payload = chunk.getPayload().duplicate();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    float[] samples;
    try {
      samples =
          ChunkPayload.decodeMono(
              bytes,
              PcmEncoding.valueOf(chunk.getEncoding().name()),
              chunk.getSampleRate(),
              chunk.getChannels(),
              chunk.getOffsetSeconds(),
              MAX_SECONDS,
              WHISPER_RATE);
    } catch (ChunkPayload.InvalidChunkException e) {
      throw new InvalidChunk(e.getMessage());
    }
    return new SpeechToText.Chunk(
        chunk.getRecordingId(), chunk.getSequence(), chunk.getOffsetSeconds(), samples);
  }
}
