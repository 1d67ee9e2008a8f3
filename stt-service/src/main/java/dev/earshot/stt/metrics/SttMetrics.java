package dev.earshot.stt.metrics;

import dev.earshot.schema.EarshotService;
import dev.earshot.whisper.Transcription;
import dev.earshot.worker.WorkerMetrics;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transcription metrics: time per stage, real-time factor, tokens per second, chunks by outcome,
 * and the live captioner's decodings, captions and open streams. Consumer lag comes from the Kafka
 * client metrics Quarkus binds ({@code kafka_consumer_fetch_manager_records_lag_max}).
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
  private final Timer captionDecode;
  private final java.util.concurrent.atomic.AtomicReference<java.util.function.Supplier<Integer>>
      liveStreams = new java.util.concurrent.atomic.AtomicReference<>(() -> 0);
  private final WorkerMetrics worker;

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
    this.captionDecode =
        Timer.builder("earshot.stt.caption.decode")
            .description(
                "Time per live-caption decoding of a stream's window; far above"
                    + " stt.captions.update-interval, every stream of the worker falls behind")
            .publishPercentiles(0.5, 0.95)
            .register(registry);
    // Registered now: the captioner is made when the first live piece arrives.
    io.micrometer.core.instrument.Gauge.builder(
            "earshot.stt.live.streams", liveStreams, open -> open.get().get())
        .description("Live streams this worker is captioning")
        .register(registry);
    for (String kind : new String[] {"partial", "final", "last"}) {
      // Registered up front so dashboards see zeros rather than missing series.
      registry.counter("earshot.stt.captions", "kind", kind);
    }
    this.worker =
        new WorkerMetrics(
            registry, "earshot.stt", EarshotService.STT.module(), "transcribed", "silent");
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
    feature.record(WorkerMetrics.millis(timings.featureMs()));
    encoder.record(WorkerMetrics.millis(timings.encoderMs()));
    decoder.record(WorkerMetrics.millis(timings.decoderMs()));
    total.record(WorkerMetrics.millis(timings.totalMs()));
    realTimeFactor.record(timings.realTimeFactor());
    if (timings.decoderMs() > 0 && t.tokens() > 0) {
      tokensPerSecond.record(t.tokens() / (timings.decoderMs() / 1000));
    }
    worker.chunk(t.silent() ? "silent" : "transcribed");
  }

  /** One live-caption decoding and how long it took. */
  public void captionDecoded(long nanos) {
    captionDecode.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** A caption sent: {@code final} when it committed words or ended the stream, else partial. */
  public void captionSent(boolean committedSome, boolean last) {
    registry
        .counter(
            "earshot.stt.captions", "kind", last ? "last" : committedSome ? "final" : "partial")
        .increment();
  }

  /** Where the gauge of live streams being captioned reads them from. */
  public void watchLiveStreams(java.util.function.Supplier<Integer> open) {
    liveStreams.set(open);
  }

  /** The chunk counters and batch timer every worker keeps. */
  public WorkerMetrics worker() {
    return worker;
  }
}
