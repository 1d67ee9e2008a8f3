package dev.earshot.audio.chunk;

import dev.earshot.audio.SampleRates;
import dev.earshot.audio.dsp.Trimming;
import java.util.Objects;

/**
 * Settings for {@link ChunkPipeline}.
 *
 * @param targetSampleRate rate of the chunks, 16000 for Whisper
 * @param chunking where chunks are cut
 * @param trimming how leading and trailing silence is removed
 */
public record PipelineSettings(int targetSampleRate, ChunkingSettings chunking, Trimming trimming) {

  /** Whisper's input rate. */
  public static final int WHISPER_SAMPLE_RATE = 16_000;

  public PipelineSettings {
    SampleRates.require(targetSampleRate, "target sample rate");
    Objects.requireNonNull(chunking, "chunking");
    Objects.requireNonNull(trimming, "trimming");
  }

  /** 16 kHz, default chunking, default trimming. */
  public static PipelineSettings defaults() {
    return new PipelineSettings(
        WHISPER_SAMPLE_RATE, ChunkingSettings.defaults(), Trimming.defaults());
  }
}
