package dev.earshot.schema.topic;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics a service writes to when they are missing; existing topics are left as is. */
public final class TopicInitializer {

  private TopicInitializer() {}

  /** The topics as {@code settings} say: partitions, replication and min.insync.replicas. */
  public static List<NewTopic> newTopics(
      java.util.Map<EarshotTopic, String> names, TopicSettings settings) {
    return names.entrySet().stream()
        .map(e -> newTopic(e.getKey(), e.getValue(), settings))
        .toList();
  }

  /** One topic as {@code settings} say. */
  public static NewTopic newTopic(EarshotTopic topic, String name, TopicSettings settings) {
    if (settings.minInsyncReplicas().isPresent()
        && settings.minInsyncReplicas().getAsInt() > settings.replicationFactor()) {
      throw new IllegalArgumentException(
          "min-insync-replicas "
              + settings.minInsyncReplicas().getAsInt()
              + " is more than the replication-factor "
              + settings.replicationFactor()
              + ": no write to "
              + name
              + " could ever succeed");
    }
    NewTopic created = topic.newTopic(name, settings.partitions(), settings.replicationFactor());
    if (settings.minInsyncReplicas().isPresent()) {
      java.util.Map<String, String> configs = new java.util.HashMap<>(created.configs());
      configs.put("min.insync.replicas", Integer.toString(settings.minInsyncReplicas().getAsInt()));
      created.configs(configs);
    }
    return created;
  }

  /**
   * Creates each missing topic and returns the names that were created.
   *
   * @throws IllegalStateException when the cluster does not answer within the timeout
   */
  public static Set<String> ensure(Admin admin, List<NewTopic> topics, long timeoutMillis) {
    try {
      Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return Set.of();
      }
      Map<String, ? extends org.apache.kafka.common.KafkaFuture<Void>> results =
          admin.createTopics(missing).values();
      for (var entry : results.entrySet()) {
        try {
          entry.getValue().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          // Another instance may have created it between listing and creating.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "Cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
          }
        }
      }
      return Set.copyOf(results.keySet());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer within " + timeoutMillis + " ms while listing topics: " + e, e);
    }
  }

  /**
   * Creates the missing topics from a daemon thread, retrying every 5 s until Kafka answers, so a
   * service can start before its cluster. Closing the handle stops the retries.
   *
   * @param log told each outcome: the topics created, or why the attempt failed
   */
  public static AutoCloseable ensureInBackground(
      Map<String, Object> kafka, List<NewTopic> topics, String threadName, Consumer<String> log) {
    return ensureInBackground(kafka, topics, threadName, log, admin -> {});
  }

  /**
   * As {@link #ensureInBackground(Map, List, String, Consumer)}, then runs {@code afterwards} with
   * the same client; when it throws, both are retried 5 s later.
   *
   * @param kafka the service's client settings (bootstrap servers, TLS, SASL): see {@link
   *     KafkaClients}
   */
  public static AutoCloseable ensureInBackground(
      Map<String, Object> kafka,
      List<NewTopic> topics,
      String threadName,
      Consumer<String> log,
      Consumer<Admin> afterwards) {
    AtomicBoolean stopped = new AtomicBoolean();
    Thread thread =
        new Thread(
            () -> {
              while (!stopped.get()) {
                try (Admin admin =
                    Admin.create(KafkaClients.with(kafka, Map.of("request.timeout.ms", 5000)))) {
                  Set<String> created = ensure(admin, List.copyOf(topics), 10_000);
                  if (!created.isEmpty()) {
                    log.accept("Created topics " + created);
                  }
                  afterwards.accept(admin);
                  return;
                } catch (RuntimeException e) {
                  log.accept("Topics not ready yet (" + e.getMessage() + "); retrying");
                  try {
                    Thread.sleep(5000);
                  } catch (InterruptedException interrupted) {
                    return;
                  }
                }
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
    return () -> stopped.set(true);
  }

  /**
   * The number of partitions of each topic, in the order given.
   *
   * @throws IllegalStateException when a topic does not exist or the cluster does not answer
   */
  public static Map<String, Integer> partitionCounts(
      Admin admin, Collection<String> names, long timeoutMillis) {
    try {
      Map<String, TopicDescription> descriptions =
          admin.describeTopics(names).allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS);
      Map<String, Integer> counts = new LinkedHashMap<>();
      names.forEach(n -> counts.put(n, descriptions.get(n).partitions().size()));
      return counts;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while describing topics", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Cannot describe topics " + names + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not answer within " + timeoutMillis + " ms while describing " + names, e);
    }
  }
}
