package dev.earshot.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The running service's {@link ReadinessGauge}, started with it: every service with this jar on its
 * class path exposes {@code earshot.ready{service}}, named by the application (its module).
 */
@Startup
@ApplicationScoped
public class ServiceReadiness {

  private final ReadinessGauge gauge;

  public ServiceReadiness(
      MeterRegistry registry,
      SmallRyeHealthReporter health,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.gauge =
        ReadinessGauge.start(
            registry, service, () -> !health.getReadiness().isDown(), Duration.ofSeconds(5));
  }

  @PreDestroy
  void close() {
    gauge.close();
  }
}
