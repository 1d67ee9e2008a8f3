package dev.earshot.stt.model;

import dev.earshot.worker.BackgroundModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the Whisper model is loaded; down, with the reason, while loading or failed. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

  private final BackgroundModel<LoadedModel> model;

  public ModelReadinessCheck(BackgroundModel<LoadedModel> model) {
    this.model = model;
  }

  @Override
  public HealthCheckResponse call() {
    return model.health(
        loaded ->
            Map.of(
                "model", loaded.model().id(),
                "version", loaded.model().version(),
                "device", loaded.model().executionProvider()));
  }
}
