package dev.earshot.results.live;

import dev.earshot.results.join.ResultsTopology;
import dev.earshot.schema.topic.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows the results topics and the live captions from their end and hands every new result and
 * caption to the live listeners (the dashboard's event stream). Each instance reads every partition
 * without a consumer group, so a dashboard connected to any instance sees every recording. Only
 * committed records are read, because the join writes with exactly-once transactions.
 */
@ApplicationScoped
public class LiveFeed {

  private static final Logger LOG = Logger.getLogger(LiveFeed.class);

  /** Event names, as the dashboard subscribes to them. */
  public static final String RECORDING = "recording";

  public static final String CHUNK = "chunk";

  /** A live caption of an open stream, as stt-service wrote it. */
  public static final String CAPTION = "caption";

  private final Map<String, Object> kafka;
  private final ResultsTopology.Topics topics;
  private final String captions;
  private final boolean enabled;
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
  private volatile KafkaConsumer<String, String> consumer;
  private Thread thread;

  public LiveFeed(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      dev.earshot.results.config.ResultsConfig config,
      ResultsTopology.Topics topics) {
    this.kafka = kafka;
    this.topics = topics;
    this.captions = config.topic().captions();
    this.enabled = config.liveEnabled();
  }

  /**
   * @param listener told (event name, result JSON) for every new result
   */
  public void subscribe(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  public void unsubscribe(BiConsumer<String, String> listener) {
    listeners.remove(listener);
  }

  void onStart(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    thread = new Thread(this::run, "results-live-feed");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      thread.join(5000);
    }
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try (KafkaConsumer<String, String> c =
          new KafkaConsumer<>(
              KafkaClients.with(
                  kafka,
                  Map.of(
                      "isolation.level", "read_committed",
                      "enable.auto.commit", "false",
                      "allow.auto.create.topics", "false",
                      "client.id", "results-live-feed")),
              new StringDeserializer(),
              new StringDeserializer())) {
        consumer = c;
        List<TopicPartition> partitions = partitions(c);
        c.assign(partitions);
        c.seekToEnd(partitions);
        while (true) {
          for (var r : c.poll(Duration.ofSeconds(1))) {
            String name = eventName(r.topic());
            for (var listener : listeners) {
              listener.accept(name, r.value());
            }
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf("live feed interrupted (%s); reconnecting in 5 s", e.getMessage());
        try {
          Thread.sleep(5000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private String eventName(String topic) {
    if (topic.equals(topics.results())) {
      return RECORDING;
    }
    return topic.equals(captions) ? CAPTION : CHUNK;
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(topics.results(), topics.chunkResults(), captions)) {
      var infos = c.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist yet");
      }
      infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    return partitions;
  }
}
