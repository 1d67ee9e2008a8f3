package dev.earshot.ingest.feeds;

import dev.earshot.ingest.config.IngestConfig;
import dev.earshot.ingest.live.CaptionRoutes;
import dev.earshot.ingest.metrics.IngestMetrics;
import dev.earshot.ingest.openai.PendingResults;
import dev.earshot.ingest.openai.ServedModels;
import dev.earshot.schema.result.Caption;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * What ingest learns from the rest of the pipeline, on one consumer thread of its own (no group:
 * every ingest instance reads everything): the recording results the OpenAI-compatible requests
 * wait for and the live captions of the streams open here, both from the moment it started, and the
 * models the STT workers announce, from the start of their compacted topic. Topics other services
 * create are picked up when they appear.
 */
@ApplicationScoped
public class PipelineFeeds {

  private static final Logger LOG = Logger.getLogger(PipelineFeeds.class);
  private static final Duration TOPIC_CHECK = Duration.ofSeconds(2);

  /** A topic followed, from its start or from the moment the feeds started. */
  private record Followed(
      String topic, boolean fromStart, Consumer<ConsumerRecord<String, byte[]>> handler) {}

  private final Map<String, Object> kafka;
  private final IngestConfig config;
  private final IngestMetrics metrics;
  private final PendingResults pending = new PendingResults();
  private final ServedModels models;
  private final CaptionRoutes captions = new CaptionRoutes();
  private volatile boolean running;
  private Thread thread;
  private KafkaConsumer<String, byte[]> consumer;

  public PipelineFeeds(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      IngestConfig config,
      IngestMetrics metrics) {
    this.kafka = kafka;
    this.config = config;
    this.metrics = metrics;
    this.models = new ServedModels(config.openai().modelTtl(), Clock.systemUTC());
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

  @Produces
  @Singleton
  CaptionRoutes captions() {
    return captions;
  }

  void onStart(@Observes StartupEvent event) {
    List<Followed> followed = new ArrayList<>();
    if (config.openai().enabled()) {
      followed.add(new Followed(config.openai().resultsTopic(), false, this::result));
    }
    if (config.openai().enabled() || config.live().captions()) {
      // The OpenAI-compatible API lists them; live streams learn whether a captioner runs.
      followed.add(new Followed(config.openai().modelsTopic(), true, this::model));
    }
    if (config.live().captions()) {
      followed.add(new Followed(config.live().captionsTopic(), false, this::caption));
    }
    if (followed.isEmpty()) {
      return;
    }
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-pipeline-feeds");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Results come from Kafka Streams transactions: only committed ones are results.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // Asking for a topic's partitions must not create it with the broker's default count.
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    long startedAt = System.currentTimeMillis();
    thread = new Thread(() -> run(followed, startedAt), "pipeline-feeds");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
  }

  private void run(List<Followed> followed, long startedAt) {
    Map<String, Followed> byTopic = new HashMap<>();
    followed.forEach(f -> byTopic.put(f.topic(), f));
    Set<String> missing = new HashSet<>(byTopic.keySet());
    List<TopicPartition> assigned = new ArrayList<>();
    long nextCheck = 0;
    try {
      while (running) {
        if (!missing.isEmpty() && System.nanoTime() >= nextCheck) {
          assignAppeared(byTopic, missing, assigned, startedAt);
          nextCheck = System.nanoTime() + TOPIC_CHECK.toNanos();
        }
        if (assigned.isEmpty()) {
          sleep(TOPIC_CHECK);
          continue;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          try {
            byTopic.get(record.topic()).handler().accept(record);
          } catch (RuntimeException e) {
            LOG.warnf("skipping an unreadable record of %s: %s", record.topic(), e.getMessage());
          }
        }
      }
    } catch (WakeupException e) {
      // Shutting down.
    } catch (RuntimeException e) {
      LOG.errorf(e, "ingest stopped following Kafka: %s", e.getMessage());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Adds the partitions of the missing topics that exist now. A topic followed from the start of
   * the feeds is read from the first record written since then: one that appears later (its writer
   * started after ingest) is read from its beginning, so nothing written to it is missed.
   */
  private void assignAppeared(
      Map<String, Followed> byTopic,
      Set<String> missing,
      List<TopicPartition> assigned,
      long startedAt) {
    List<TopicPartition> fromStart = new ArrayList<>();
    List<TopicPartition> sinceStart = new ArrayList<>();
    for (String topic : List.copyOf(missing)) {
      List<TopicPartition> partitions = partitions(topic);
      if (partitions.isEmpty()) {
        continue;
      }
      missing.remove(topic);
      (byTopic.get(topic).fromStart() ? fromStart : sinceStart).addAll(partitions);
      LOG.infof("following %s (%d partitions)", topic, partitions.size());
    }
    if (fromStart.isEmpty() && sinceStart.isEmpty()) {
      return;
    }
    // Positions of partitions already assigned are kept by assign().
    assigned.addAll(fromStart);
    assigned.addAll(sinceStart);
    consumer.assign(assigned);
    // An empty collection would mean every assigned partition to these two.
    if (!fromStart.isEmpty()) {
      consumer.seekToBeginning(fromStart);
    }
    Map<TopicPartition, Long> times = new HashMap<>();
    sinceStart.forEach(p -> times.put(p, startedAt));
    Map<TopicPartition, OffsetAndTimestamp> offsets =
        sinceStart.isEmpty() ? Map.of() : consumer.offsetsForTimes(times, Duration.ofSeconds(10));
    List<TopicPartition> toEnd = new ArrayList<>();
    for (TopicPartition p : sinceStart) {
      OffsetAndTimestamp at = offsets.get(p);
      if (at == null) {
        toEnd.add(p);
      } else {
        consumer.seek(p, at.offset());
      }
    }
    if (!toEnd.isEmpty()) {
      consumer.seekToEnd(toEnd);
    }
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

  private void result(ConsumerRecord<String, byte[]> record) {
    if (record.key() != null && pending.awaits(record.key())) {
      pending.offer(Json.read(record.value(), RecordingResult.class));
    }
  }

  private void model(ConsumerRecord<String, byte[]> record) {
    if (record.value() != null) {
      models.offer(Json.read(record.value(), ServedModel.class));
    }
  }

  private void caption(ConsumerRecord<String, byte[]> record) {
    if (record.key() != null && captions.wants(record.key())) {
      if (captions.offer(Json.read(record.value(), Caption.class))) {
        metrics.captionForwarded();
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
