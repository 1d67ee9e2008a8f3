package dev.earshot.ingest.config;

import dev.earshot.audio.chunk.ChunkingSettings;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.chunk.PipelineSettings;
import dev.earshot.audio.dsp.Normalization;
import dev.earshot.audio.dsp.Trimming;
import dev.earshot.ingest.http.IdempotentUploads;
import dev.earshot.ingest.http.UploadResource;
import dev.earshot.ingest.metrics.IngestMetrics;
import dev.earshot.ingest.recording.ChunkPublisher;
import dev.earshot.ingest.recording.EventOutbox;
import dev.earshot.ingest.recording.IngestSettings;
import dev.earshot.ingest.recording.RecordingIngestor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/** Builds the plain ingest classes from configuration; invalid values fail start-up. */
@ApplicationScoped
public class IngestBeans {

  // Records and final classes cannot be proxied, so these are @Singleton, not normal-scoped.
  @Produces
  @Singleton
  IngestSettings settings(IngestConfig config) {
    return toSettings(config);
  }

  @Produces
  @Singleton
  RecordingIngestor ingestor(
      IngestSettings settings,
      ChunkPublisher publisher,
      EventOutbox outbox,
      IngestMetrics metrics) {
    return new RecordingIngestor(settings, publisher, outbox, metrics, IngestBeans::newRecordingId);
  }

  // Made at start-up, so bad resend settings stop the service and the gauge is there from the
  // first scrape.
  @Produces
  @Singleton
  @Startup
  EventOutbox outbox(IngestConfig config, ChunkPublisher publisher, IngestMetrics metrics) {
    var outbox =
        new EventOutbox(
            publisher,
            new EventOutbox.Settings(
                config.publish().resendBackoff(), config.publish().resendMaxBackoff()));
    metrics.watch(outbox);
    return outbox;
  }

  void closeOutbox(@Disposes EventOutbox outbox) {
    outbox.close();
  }

  @Produces
  @Singleton
  @Startup
  IdempotentUploads<UploadResource.Accepted> idempotentUploads(IngestConfig config) {
    return new IdempotentUploads<>(
        new IdempotentUploads.Settings(
            config.http().idempotencyTtl(), config.http().idempotencyMaxKeys()),
        Clock.systemUTC());
  }

  public static String newRecordingId() {
    return UUID.randomUUID().toString();
  }

  static IngestSettings toSettings(IngestConfig config) {
    var chunking =
        new ChunkingSettings(
            config.chunking().targetSeconds(),
            config.chunking().maxSeconds(),
            config.chunking().searchSeconds(),
            ChunkingSettings.defaults().frameSeconds());
    var trimming =
        new Trimming(
            config.trim().enabled(),
            config.trim().thresholdDbfs(),
            Trimming.DEFAULT_FRAME_SECONDS,
            config.trim().paddingSeconds());
    var pipeline = new PipelineSettings(config.sampleRate(), chunking, trimming);
    Normalization.Mode mode =
        parse(Normalization.Mode.class, config.normalization().mode(), "ingest.normalization.mode");
    var normalization =
        switch (mode) {
          case NONE -> Normalization.none();
          case PEAK ->
              config
                  .normalization()
                  .targetDbfs()
                  .map(Normalization::peak)
                  .orElseGet(Normalization::peak);
          case RMS ->
              config
                  .normalization()
                  .targetDbfs()
                  .map(Normalization::rms)
                  .orElseGet(Normalization::rms);
        };
    PcmEncoding encoding =
        parse(PcmEncoding.class, config.chunking().encoding(), "ingest.chunking.encoding");
    return new IngestSettings(
        pipeline,
        normalization,
        encoding,
        config.maxDuration(),
        config.publish().maxInFlight(),
        config.publish().timeout());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String property) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          property
              + " must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ", got '"
              + value
              + "'");
    }
  }
}
