package dev.earshot.pipeline.replay;

import dev.earshot.testbroker.TestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, records and consumers on the shared test broker. */
final class Kafka {

  /**
   * Record {@code i} of {@link #chunks}: this long after {@link #T0}, in partition {@code i % 3}.
   */
  static final Duration STEP = Duration.ofMinutes(1);

  /** Earlier than now, as the broker rejects timestamps more than an hour ahead. */
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private Kafka() {}

  static String bootstrap() {
    return TestBroker.bootstrapServers();
  }

  static Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrap()));
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String createTopic(String prefix, int partitions) throws Exception {
    String topic = unique(prefix);
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    return topic;
  }

  /**
   * A fresh 3-partition topic with {@code n} records: record {@code i} has value {@code "i"},
   * timestamp {@code T0 + i * STEP}, and goes to partition {@code i % 3}, so each partition's
   * timestamps rise with its offsets.
   */
  static String chunks(int n) throws Exception {
    String topic = createTopic("chunks", 3);
    try (var producer = producer(Map.of())) {
      for (int i = 0; i < n; i++) {
        long timestamp = T0.plus(STEP.multipliedBy(i)).toEpochMilli();
        producer.send(new ProducerRecord<>(topic, i % 3, timestamp, "rec-" + i % 5, "" + i));
      }
      producer.flush();
    }
    return topic;
  }

  static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  static KafkaConsumer<String, String> consumer(String group) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG,
            group,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  /**
   * Subscribes a member of the group to the topic and reads until it is at the end of every
   * partition, returning the values it read; the caller commits or closes.
   */
  static List<String> readToEnd(KafkaConsumer<String, String> consumer, String topic) {
    consumer.subscribe(List.of(topic));
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        values.add(r.value());
      }
      Set<TopicPartition> assigned = consumer.assignment();
      // One member gets every partition, once the group has settled.
      if (assigned.size() == consumer.partitionsFor(topic).size() && atEnd(consumer, assigned)) {
        return values;
      }
    }
    throw new AssertionError("Did not reach the end of " + topic + "; read " + values);
  }

  private static boolean atEnd(
      KafkaConsumer<String, String> consumer, Set<TopicPartition> assigned) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
    return assigned.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
  }
}
