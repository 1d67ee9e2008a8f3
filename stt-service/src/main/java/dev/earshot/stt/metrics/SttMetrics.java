package dev.earshot.stt.metrics;

import dev.earshot.whisper.Transcription;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Transcription metrics: time per stage, real-time factor, tokens per second, and chunks by
 * outcome. Consumer lag comes from the Kafka client metrics Quarkus binds ({@code
 * kafka_consumer_fetch_manager_records_lag_max}).
 */
@ApplicationScoped
public class SttMetrics {

  private final MeterRegistry registry;
  private final Timer feature;
  private final Timer encoder;
  private final Timer decoder;
  private final Timer total;
  private final DistributionSummary realTimeFactor;
  private final DistributionSummary tokensPerSecond;

  public SttMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.feature = stage("feature");
    this.encoder = stage("encoder");
    this.decoder = stage("decoder");
    this.total = stage("total");
    this.realTimeFactor =
        DistributionSummary.builder("earshot.stt.real_time_factor")
            .description(
                "Processing time over audio time per chunk; below 1 is faster than real time")
            .publishPercentiles(0.5, 0.95)
            .register(registry);
    this.tokensPerSecond =
        DistributionSummary.builder("earshot.stt.tokens_per_second")
            .description("Decoder tokens per second of decoding time")
            .publishPercentiles(0.5, 0.95)
            .register(registry);
    for (String outcome : new String[] {"transcribed", "silent", "dead_letter"}) {
      registry.counter("earshot.stt.chunks", "outcome", outcome);
    }
  }

  private Timer stage(String name) {
    return Timer.builder("earshot.stt.stage")
        .tag("stage", name)
        .description("Time per chunk spent in each Whisper stage")
        .publishPercentiles(0.5, 0.95)
        .register(registry);
  }

  public void transcribed(Transcription t) {
    var timings = t.timings();
    feature.record(millis(timings.featureMs()));
    encoder.record(millis(timings.encoderMs()));
    decoder.record(millis(timings.decoderMs()));
    total.record(millis(timings.totalMs()));
    realTimeFactor.record(timings.realTimeFactor());
    if (timings.decoderMs() > 0 && t.tokens() > 0) {
      tokensPerSecond.record(t.tokens() / (timings.decoderMs() / 1000));
    }
    registry
        .counter("earshot.stt.chunks", "outcome", t.silent() ? "silent" : "transcribed")
        .increment();
  }

  public void deadLetter() {
    registry.counter("earshot.stt.chunks", "outcome", "dead_letter").increment();
  }

  private static Duration millis(double ms) {
    return Duration.ofNanos((long) (ms * 1e6));
  }
}
