package dev.earshot.classify.metrics;

import dev.earshot.classify.classifier.ChunkClassification;
import dev.earshot.classify.classifier.Prediction;
import dev.earshot.schema.EarshotService;
import dev.earshot.worker.WorkerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classification metrics: feature and inference time per chunk, chunks by outcome, and predicted
 * labels per classifier. Consumer lag comes from the Kafka client metrics Quarkus binds.
 */
@ApplicationScoped
public class ClassifyMetrics {

  private final MeterRegistry registry;
  private final Timer features;
  private final WorkerMetrics worker;
  private final Map<String, Timer> inference = new ConcurrentHashMap<>();

  public ClassifyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.features =
        Timer.builder("earshot.classify.features")
            .description("Time per chunk to compute features (and the Whisper embedding if used)")
            .publishPercentiles(0.5, 0.95)
            .register(registry);
    this.worker =
        new WorkerMetrics(
            registry, "earshot.classify", EarshotService.CLASSIFY.module(), "classified");
  }

  public void classified(ChunkClassification.Result result) {
    features.record(WorkerMetrics.millis(result.featureMs()));
    for (Prediction p : result.predictions()) {
      inference
          .computeIfAbsent(
              p.classifier(),
              name ->
                  Timer.builder("earshot.classify.inference")
                      .description("Time per chunk in each classifier's model")
                      .tag("classifier", name)
                      .publishPercentiles(0.5, 0.95)
                      .register(registry))
          .record(WorkerMetrics.millis(p.inferenceMs()));
      registry
          .counter("earshot.classify.labels", "classifier", p.classifier(), "label", p.label())
          .increment();
    }
    worker.chunk("classified");
  }

  /** The chunk counters and batch timer every worker keeps. */
  public WorkerMetrics worker() {
    return worker;
  }
}
