package dev.earshot.ingest.publish;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Kafka answers and the topics exist: then no accepted audio can be lost. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

  private final KafkaReachability kafka;
  private final TopicSetup topics;

  public KafkaReadinessCheck(KafkaReachability kafka, TopicSetup topics) {
    this.kafka = kafka;
    this.topics = topics;
  }

  @Override
  public HealthCheckResponse call() {
    var status = kafka.status();
    var builder =
        HealthCheckResponse.named("kafka")
            .withData("bootstrap.servers", kafka.bootstrapServers())
            .withData("brokers", status.brokers());
    if (!status.reachable()) {
      return builder.down().withData("error", status.error()).build();
    }
    boolean topicsReady = topics.ensure();
    return builder.withData("topics", topicsReady).status(topicsReady).build();
  }
}
