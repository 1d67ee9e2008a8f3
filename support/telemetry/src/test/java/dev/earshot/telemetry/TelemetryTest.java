package dev.earshot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TelemetryTest {

  @Test
  void theGaugeFollowsTheChecksAndAFailingCheckIsNotReady() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicBoolean up = new AtomicBoolean(true);
    AtomicBoolean broken = new AtomicBoolean(false);
    try (ReadinessGauge gauge =
        ReadinessGauge.start(
            registry,
            "stt-service",
            () -> {
              if (broken.get()) {
                throw new IllegalStateException("Kafka unreachable");
              }
              return up.get();
            },
            Duration.ofMillis(10))) {
      awaitReady(registry, 1);
      up.set(false);
      awaitReady(registry, 0);
      up.set(true);
      awaitReady(registry, 1);
      broken.set(true);
      awaitReady(registry, 0);
    }
  }

  @Test
  void deadLettersAreCountedByServiceAndTheCausesClass() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeadLetterCount count = new DeadLetterCount(registry, "results-service");

    count.count(new IllegalArgumentException("bad record 17"));
    count.count(new IllegalArgumentException("bad record 18"));
    count.count(null);

    assertThat(
            registry
                .get(DeadLetterCount.NAME)
                .tags("service", "results-service", "cause", "IllegalArgumentException")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(registry.get(DeadLetterCount.NAME).tags("cause", "none").counter().count())
        .isEqualTo(1.0);
  }

  private static void awaitReady(SimpleMeterRegistry registry, double expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    double value = -1;
    while (System.nanoTime() < deadline) {
      value = registry.get(ReadinessGauge.NAME).tag("service", "stt-service").gauge().value();
      if (value == expected) {
        return;
      }
      Thread.sleep(5);
    }
    assertThat(value).isEqualTo(expected);
  }
}
