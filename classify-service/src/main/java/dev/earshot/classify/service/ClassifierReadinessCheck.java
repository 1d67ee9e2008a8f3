package dev.earshot.classify.service;

import dev.earshot.classify.classifier.ChunkClassifier;
import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.worker.BackgroundModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every classifier is loaded; down, with the reason, while loading or failed. */
@Readiness
@ApplicationScoped
public class ClassifierReadinessCheck implements HealthCheck {

  private final BackgroundModel<ClassifierSet> classifiers;

  public ClassifierReadinessCheck(BackgroundModel<ClassifierSet> classifiers) {
    this.classifiers = classifiers;
  }

  @Override
  public HealthCheckResponse call() {
    return classifiers.health(
        set -> {
          Map<String, String> models = new LinkedHashMap<>();
          for (ChunkClassifier c : set.classification().classifiers()) {
            models.put(c.name(), c.model().id() + " " + c.model().version());
          }
          return models;
        });
  }
}
