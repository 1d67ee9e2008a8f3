package dev.earshot.ingest.recording;

import dev.earshot.audio.chunk.ChunkingSettings;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.chunk.PipelineSettings;
import dev.earshot.audio.dsp.Normalization;
import dev.earshot.audio.dsp.Trimming;
import java.time.Duration;

/** Default ingest settings for tests, with the knobs the tests turn. */
final class TestSettings {

  private TestSettings() {}

  static IngestSettings defaults() {
    return with(
        pipeline(Trimming.disabled()),
        Normalization.none(),
        PcmEncoding.PCM_S16LE,
        Duration.ofHours(4));
  }

  /** 16 kHz, default chunking; trimming as given (ingest's own default is off). */
  static PipelineSettings pipeline(Trimming trimming) {
    return new PipelineSettings(16000, ChunkingSettings.defaults(), trimming);
  }

  static IngestSettings with(
      PipelineSettings pipeline,
      Normalization normalization,
      PcmEncoding encoding,
      Duration maxDuration) {
    return new IngestSettings(
        pipeline, normalization, encoding, maxDuration, 4, Duration.ofSeconds(5));
  }

  /** An outbox that sends again after 10 ms, up to 100 ms apart. */
  static EventOutbox outbox(ChunkPublisher publisher) {
    return new EventOutbox(
        publisher, new EventOutbox.Settings(Duration.ofMillis(10), Duration.ofMillis(100)));
  }
}
