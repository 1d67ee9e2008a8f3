package dev.earshot.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What every chunk worker counts: chunks by outcome ({@code PREFIX.chunks{outcome=...}}) and the
 * time per batch ({@code PREFIX.batch}); the service adds its model's own timers.
 */
public final class WorkerMetrics {

  public static final String DEAD_LETTER = "dead_letter";

  private final MeterRegistry registry;
  private final String chunks;
  private final Timer batch;

  /**
   * @param prefix e.g. {@code earshot.stt}
   * @param outcomes the outcomes besides {@value #DEAD_LETTER}, registered at zero
   */
  public WorkerMetrics(MeterRegistry registry, String prefix, String... outcomes) {
    this.registry = registry;
    this.chunks = prefix + ".chunks";
    this.batch =
        Timer.builder(prefix + ".batch")
            .description("Time per batch of chunks, from the poll to the last record sent")
            .publishPercentiles(0.5, 0.95)
            .register(registry);
    for (String outcome : outcomes) {
      registry.counter(chunks, "outcome", outcome);
    }
    registry.counter(chunks, "outcome", DEAD_LETTER);
  }

  public void chunk(String outcome) {
    registry.counter(chunks, "outcome", outcome).increment();
  }

  void batch(long nanos) {
    batch.record(Duration.ofNanos(nanos));
  }

  /** Milliseconds as a duration, for model timers. */
  public static Duration millis(double ms) {
    return Duration.ofNanos((long) (ms * 1e6));
  }
}
