package dev.earshot.classify.service;

import dev.earshot.classify.classifier.ChunkClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every classifier is loaded; down, with the reason, while loading or after failing. */
@Readiness
@ApplicationScoped
public class ClassifierReadinessCheck implements HealthCheck {

  private final ClassifierHolder holder;

  public ClassifierReadinessCheck(ClassifierHolder holder) {
    this.holder = holder;
  }

  @Override
  public HealthCheckResponse call() {
    var builder = HealthCheckResponse.named("classifiers").withData("state", holder.state());
    if (!holder.state().equals("ready")) {
      String failure = holder.failure();
      if (failure != null) {
        builder.withData("error", failure);
      }
      return builder.down().build();
    }
    for (ChunkClassifier c : holder.await().classification().classifiers()) {
      builder.withData(c.name(), c.model().id() + " " + c.model().version());
    }
    return builder.up().build();
  }
}
