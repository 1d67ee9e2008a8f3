package dev.earshot.stt.model;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the Whisper model is loaded; down, with the reason, while loading or after failing.
 */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

  private final ModelHolder models;

  public ModelReadinessCheck(ModelHolder models) {
    this.models = models;
  }

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("whisper-model").withData("state", models.state());
    if (!models.isReady()) {
      String failure = models.failure();
      if (failure != null) {
        builder.withData("error", failure);
      }
      return builder.down().build();
    }
    var model = models.await().model();
    return builder
        .withData("model", model.id())
        .withData("version", model.version())
        .withData("device", model.executionProvider())
        .up()
        .build();
  }
}
