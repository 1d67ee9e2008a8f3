package dev.earshot.stt.service;

import dev.earshot.audio.SampleRates;
import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.dsp.Resampler;
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
    int rate = chunk.getSampleRate();
    if (!SampleRates.isSupported(rate)) {
      throw new InvalidChunk(
          "impossible sample rate: " + SampleRates.describeUnsupported("chunk sample rate", rate));
    }
    if (chunk.getChannels() != 1) {
      throw new InvalidChunk("chunk has " + chunk.getChannels() + " channels; chunks are mono");
    }
    if (!(chunk.getOffsetSeconds() >= 0) || Double.isInfinite(chunk.getOffsetSeconds())) {
      throw new InvalidChunk("impossible chunk offset " + chunk.getOffsetSeconds() + " s");
    }
    ByteBuffer payload = chunk.getPayload().duplicate();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    PcmEncoding encoding = PcmEncoding.valueOf(chunk.getEncoding().name());
    float[] samples;
    try {
      samples = PcmCodec.decode(bytes, encoding);
    } catch (IllegalArgumentException e) {
      throw new InvalidChunk("corrupt payload: " + e.getMessage());
    }
    for (float sample : samples) {
      if (!Float.isFinite(sample)) {
        throw new InvalidChunk("corrupt payload: it holds samples that are not finite numbers");
      }
    }
    double seconds = samples.length / (double) rate;
    if (seconds > MAX_SECONDS + 1e-6) {
      throw new InvalidChunk(
          String.format(
              "chunk holds %.3f s, more than Whisper's %.0f s window", seconds, MAX_SECONDS));
    }
    if (rate != WHISPER_RATE) {
      samples = Resampler.resample(samples, rate, WHISPER_RATE);
    }
    return new SpeechToText.Chunk(
        chunk.getRecordingId(), chunk.getSequence(), chunk.getOffsetSeconds(), samples);
  }
}
