package dev.earshot.ingest.metrics;

import dev.earshot.ingest.recording.ChunkPublisher;
import dev.earshot.ingest.recording.EncodedChunk;
import dev.earshot.ingest.recording.EventOutbox;
import dev.earshot.ingest.recording.IngestListener;
import dev.earshot.ingest.recording.Origin;
import dev.earshot.ingest.recording.PublishReceipt;
import dev.earshot.ingest.recording.Recording;
import dev.earshot.ingest.recording.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Counts what ingest takes in and publishes: recordings by source and outcome, chunks, audio
 * seconds and input bytes, rejections by reason, the broker's acknowledgement latency, and the live
 * captions sent back to streams.
 */
@ApplicationScoped
public class IngestMetrics implements IngestListener {

  private final MeterRegistry registry;
  private final Timer publishLatency;
  private final Counter captionsForwarded;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.publishLatency =
        Timer.builder("earshot.ingest.publish.latency")
            .description("Time from sending a chunk to Kafka's acknowledgement (acks=all)")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(registry);
    this.captionsForwarded =
        Counter.builder("earshot.ingest.captions.forwarded")
            .description("Live captions sent back to the connection that streams their audio")
            .register(registry);
    for (Rejection rejection : Rejection.values()) {
      // Registered up front so dashboards see zeros rather than missing series.
      registry.counter("earshot.ingest.rejections", "reason", rejection.name());
    }
  }

  /** Gauges the FAILED events waiting for Kafka to come back. */
  public void watch(EventOutbox outbox) {
    Gauge.builder("earshot.ingest.pending.events", outbox, EventOutbox::size)
        .description("FAILED events Kafka has not acknowledged yet, sent again until it does")
        .strongReference(true)
        .register(registry);
  }

  public void captionForwarded() {
    captionsForwarded.increment();
  }

  @Override
  public void bytesRead(Origin origin, long bytes) {
    registry.counter("earshot.ingest.bytes", "source", tag(origin)).increment(bytes);
  }

  @Override
  public void chunkPublished(
      Recording recording, EncodedChunk chunk, PublishReceipt receipt, long latencyNanos) {
    String source = tag(recording.source().origin());
    registry.counter("earshot.ingest.chunks", "source", source).increment();
    registry
        .counter("earshot.ingest.audio.seconds", "source", source)
        .increment(chunk.durationSeconds(recording.sampleRate()));
    publishLatency.record(latencyNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void finished(Recording recording, ChunkPublisher.Totals totals) {
    registry
        .counter(
            "earshot.ingest.recordings",
            "source",
            tag(recording.source().origin()),
            "outcome",
            "finished")
        .increment();
  }

  @Override
  public void failed(Recording recording, Rejection rejection, String message) {
    registry.counter("earshot.ingest.rejections", "reason", rejection.name()).increment();
    registry
        .counter(
            "earshot.ingest.recordings",
            "source",
            tag(recording.source().origin()),
            "outcome",
            "failed")
        .increment();
  }

  @Override
  public void refused(Origin origin, Rejection rejection) {
    registry.counter("earshot.ingest.rejections", "reason", rejection.name()).increment();
  }

  private io.micrometer.core.instrument.Counter recordings(Recording recording, String outcome) {
    return registry.counter(
        "earshot.ingest.recordings",
        "source",
        tag(recording.source().origin()),
        "outcome",
        outcome);
  }

  private static String tag(Origin origin) {
    return origin.name().toLowerCase(java.util.Locale.ROOT);
  }
}
