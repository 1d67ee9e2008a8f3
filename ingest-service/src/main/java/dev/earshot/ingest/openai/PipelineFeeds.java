package dev.earshot.ingest.openai;

import dev.earshot.ingest.config.IngestConfig;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.ServedModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * What the OpenAI-compatible API learns from Kafka, on one consumer thread of its own (no group:
 * every ingest instance reads everything): the recording results its requests wait for, from the
 * end of the results topic, and the models the STT workers announce, from the start of the models
 * topic.
 */
@ApplicationScoped
public class PipelineFeeds {

  private static final Logger LOG = Logger.getLogger(PipelineFeeds.class);

  private final Map<String, Object> kafka;
  private final IngestConfig.OpenAi config;
  private final PendingResults pending = new PendingResults();
  private final ServedModels models;
  private volatile boolean running;
  private Thread thread;
  private KafkaConsumer<String, byte[]> consumer;

  public PipelineFeeds(
      @Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
    this.kafka = kafka;
    this.config = config.openai();
    this.models = new ServedModels(this.config.modelTtl(), Clock.systemUTC());
  }

  @Produces
  @Singleton
  PendingResults pending() {
    return pending;
  }

  @Produces
  @Singleton
  ServedModels models() {
    return models;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-openai-feeds");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Results come from Kafka Streams transactions: only committed ones are results.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // Asking for a topic's partitions must not create it with the broker's default count.
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    thread = new Thread(this::run, "openai-feeds");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
  }

  private void run() {
    try {
      assign();
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          take(record);
        }
      }
    } catch (WakeupException e) {
      // Shutting down.
    } catch (RuntimeException e) {
      LOG.errorf(e, "the OpenAI-compatible API stopped following Kafka: %s", e.getMessage());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Every partition of both topics, once they exist (other services create them). */
  private void assign() {
    List<TopicPartition> results = new ArrayList<>();
    List<TopicPartition> announced = new ArrayList<>();
    while (running && (results.isEmpty() || announced.isEmpty())) {
      results = partitions(config.resultsTopic());
      announced = partitions(config.modelsTopic());
      if (results.isEmpty() || announced.isEmpty()) {
        sleep();
      }
    }
    List<TopicPartition> all = new ArrayList<>(results);
    all.addAll(announced);
    consumer.assign(all);
    consumer.seekToEnd(results);
    consumer.seekToBeginning(announced);
    LOG.infof(
        "following %s (%d partitions) and %s for the OpenAI-compatible API",
        config.resultsTopic(), results.size(), config.modelsTopic());
  }

  private List<TopicPartition> partitions(String topic) {
    try {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      return infos == null
          ? List.of()
          : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return List.of();
    }
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    try {
      if (record.topic().equals(config.modelsTopic())) {
        if (record.value() != null) {
          models.offer(Json.read(record.value(), ServedModel.class));
        }
      } else if (record.key() != null && pending.awaits(record.key())) {
        pending.offer(Json.read(record.value(), RecordingResult.class));
      }
    } catch (RuntimeException e) {
      LOG.warnf("skipping an unreadable record of %s: %s", record.topic(), e.getMessage());
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
