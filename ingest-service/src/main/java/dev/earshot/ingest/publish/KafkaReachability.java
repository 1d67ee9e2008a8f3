package dev.earshot.ingest.publish;

import dev.earshot.schema.topic.KafkaClients;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Whether the Kafka cluster answers right now. Audio is only accepted while it does, so nothing is
 * taken in that could not be published; the answer is cached briefly to keep checks cheap.
 */
@ApplicationScoped
public class KafkaReachability {

  private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long CHECK_TIMEOUT_MILLIS = 3000;

  private final String bootstrapServers;
  private Admin admin;
  private long checkedAt;
  private Status last;

  /** The outcome of a check: reachable, or the reason it is not. */
  public record Status(boolean reachable, int brokers, String error) {}

  private final Map<String, Object> kafka;

  public KafkaReachability(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
    this.kafka = kafka;
    this.bootstrapServers = String.valueOf(kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public synchronized Status status() {
    long now = System.nanoTime();
    if (last == null || now - checkedAt > CACHE_NANOS) {
      last = check();
      checkedAt = System.nanoTime();
    }
    return last;
  }

  public boolean isReachable() {
    return status().reachable();
  }

  /** The shared admin client; also used to create topics. */
  public synchronized Admin admin() {
    if (admin == null) {
      admin =
          Admin.create(
              KafkaClients.with(
                  kafka,
                  Map.of(
                      AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                      (int) CHECK_TIMEOUT_MILLIS,
                      AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                      (int) CHECK_TIMEOUT_MILLIS,
                      AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                      2000,
                      AdminClientConfig.CLIENT_ID_CONFIG,
                      "earshot-ingest-admin")));
    }
    return admin;
  }

  private Status check() {
    try {
      var nodes =
          admin().describeCluster().nodes().get(CHECK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      return new Status(!nodes.isEmpty(), nodes.size(), nodes.isEmpty() ? "no brokers" : null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(false, 0, "interrupted");
    } catch (Exception e) {
      return new Status(
          false,
          0,
          "Kafka at "
              + bootstrapServers
              + " did not answer within "
              + CHECK_TIMEOUT_MILLIS
              + " ms ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(java.time.Duration.ofSeconds(2));
    }
  }
}
