package dev.earshot.worker;

import dev.earshot.telemetry.DeadLetterCount;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What every chunk worker counts: chunks by outcome ({@code PREFIX.chunks{outcome=...}}), the time
 * per batch ({@code PREFIX.batch}) and dead letters by cause ({@link DeadLetterCount}); the service
 * adds its model's own timers.
 */
public final class WorkerMetrics {

  public static final String DEAD_LETTER = "dead_letter";

  private final MeterRegistry registry;
  private final String chunks;
  private final Timer batch;
  private final DeadLetterCount deadLetters;

  /**
   * @param prefix e.g. {@code earshot.stt}
   * @param outcomes the outcomes besides {@value #DEAD_LETTER}, registered at zero
   */
  public WorkerMetrics(MeterRegistry registry, String prefix, String service, String... outcomes) {
    this.registry = registry;
    this.deadLetters = new DeadLetterCount(registry, service);
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

  void deadLetter(Throwable cause) {
    chunk(DEAD_LETTER);
    deadLetters.count(cause);
  }

  void batch(long nanos) {
    batch.record(Duration.ofNanos(nanos));
  }

  /** Milliseconds as a duration, for model timers. */
  public static Duration millis(double ms) {
    return Duration.ofNanos((long) (ms * 1e6));
  }
}
