package dev.earshot.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A service's readiness as a metric, {@code earshot.ready{service}} (1 ready, 0 not): what {@code
 * /q/health/ready} says (Kafka unreachable, model still loading, stores rebalancing), which
 * Prometheus cannot read, so an alert can fire for a service that runs but does no work. The checks
 * run every few seconds on a daemon thread, so a scrape never waits for them; a check that throws
 * counts as not ready.
 */
public final class ReadinessGauge implements AutoCloseable {

  public static final String NAME = "earshot.ready";

  private final AtomicInteger ready = new AtomicInteger();
  private final ScheduledExecutorService refresh;

  private ReadinessGauge(String service) {
    refresh =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, service + "-readiness-gauge");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * @param ready the service's readiness checks, all up
   * @param every how often they run
   */
  public static ReadinessGauge start(
      MeterRegistry registry, String service, BooleanSupplier ready, Duration every) {
    ReadinessGauge gauge = new ReadinessGauge(service);
    Gauge.builder(NAME, gauge.ready, AtomicInteger::get)
        .description("1 when every readiness check of the service is up, else 0")
        .tag("service", service)
        .register(registry);
    gauge.refresh.scheduleWithFixedDelay(
        () -> gauge.ready.set(check(ready) ? 1 : 0), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return gauge;
  }

  private static boolean check(BooleanSupplier ready) {
    try {
      return ready.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    refresh.shutdownNow();
  }
}
