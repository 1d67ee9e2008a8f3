package dev.earshot.testbroker;

import dev.earshot.schema.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the test broker from the beginning, as a test would check a service's output.
 */
public final class TopicReader {

  private final String bootstrapServers;

  public TopicReader() {
    this(TestBroker.bootstrapServers());
  }

  public TopicReader(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Polls every partition of the topic from the start until the records matching {@code filter}
   * satisfy {@code done}, and returns the matching records in partition-then-offset order.
   *
   * @throws AssertionError when {@code done} is not reached within the timeout
   */
  public List<ConsumerRecord<String, SpecificRecord>> readUntil(
      String topic,
      Predicate<ConsumerRecord<String, SpecificRecord>> filter,
      Predicate<List<ConsumerRecord<String, SpecificRecord>>> done,
      Duration timeout) {
    List<ConsumerRecord<String, byte[]>> raw =
        readRaw(topic, r -> true, all -> done.test(decodeMatching(topic, all, filter)), timeout);
    return decodeMatching(topic, raw, filter);
  }

  /** As {@link #readUntil} but without decoding values, for the dead-letter topic. */
  public List<ConsumerRecord<String, byte[]>> readRaw(
      String topic,
      Predicate<ConsumerRecord<String, byte[]>> filter,
      Predicate<List<ConsumerRecord<String, byte[]>>> done,
      Duration timeout) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            false,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            8 * 1024 * 1024,
            // Exactly-once writers (results-service) leave aborted records behind; skip them.
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        partitions =
            consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        if (partitions.isEmpty()) {
          sleep();
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(record)) {
            matching.add(record);
          }
        }
        if (!matching.isEmpty() && done.test(matching)) {
          return matching;
        }
      }
      throw new AssertionError(
          "Timed out after "
              + timeout
              + " reading "
              + topic
              + "; matching records so far: "
              + matching.size());
    }
  }

  /** Every record of the topic that is there now, read from the beginning. */
  public List<ConsumerRecord<String, SpecificRecord>> readAll(String topic, Duration settle) {
    List<ConsumerRecord<String, SpecificRecord>> all = new ArrayList<>();
    try {
      readUntil(
          topic,
          r -> true,
          got -> {
            all.clear();
            all.addAll(got);
            return false;
          },
          settle);
    } catch (AssertionError expected) {
      // Reading for the whole settle time is the point here.
    }
    return all;
  }

  private static List<ConsumerRecord<String, SpecificRecord>> decodeMatching(
      String topic,
      List<ConsumerRecord<String, byte[]>> raw,
      Predicate<ConsumerRecord<String, SpecificRecord>> filter) {
    var deserializer = new AvroDeserializer();
    List<ConsumerRecord<String, SpecificRecord>> decoded = new ArrayList<>();
    for (var r : raw) {
      var record =
          new ConsumerRecord<>(
              r.topic(),
              r.partition(),
              r.offset(),
              r.timestamp(),
              r.timestampType(),
              r.serializedKeySize(),
              r.serializedValueSize(),
              r.key(),
              deserializer.deserialize(topic, r.value()),
              r.headers(),
              r.leaderEpoch());
      if (filter.test(record)) {
        decoded.add(record);
      }
    }
    return decoded;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
