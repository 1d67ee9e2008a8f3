package dev.earshot.pipeline;

import dev.earshot.schema.topic.KafkaClients;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Reads topics from a point in time: the consumer settings, and positioning the consumer. */
public final class TopicTime {

  private TopicTime() {}

  /**
   * Settings of a consumer that assigns partitions itself and commits nothing. It reads committed
   * records only (results-service writes in transactions), and asking for a topic's partitions
   * never creates the topic with the broker's default partition count.
   */
  public static Map<String, Object> readerConfig(String bootstrap, String clientId) {
    // TLS and SASL from the KAFKA_* variables the services read too.
    return KafkaClients.with(
        KafkaClients.securityFromEnvironment(),
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.CLIENT_ID_CONFIG,
            clientId,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            false));
  }

  /**
   * Reads every record of a topic from {@code since} up to its end at the time of the call (or
   * until the timeout), handing each to {@code each}.
   */
  public static void readFrom(
      String bootstrap,
      String clientId,
      String topic,
      Instant since,
      java.time.Duration timeout,
      java.util.function.Consumer<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>
          each) {
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<>(
            readerConfig(bootstrap, clientId),
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = seek(consumer, partitions, since);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline
          && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(java.time.Duration.ofMillis(200)).forEach(each);
      }
    }
  }

  /**
   * Seeks each partition to its first record at or after {@code since}, or to its end when none.
   *
   * @return the end offsets at the time of the call, to know when the consumer caught up
   */
  public static Map<TopicPartition, Long> seek(
      Consumer<?, ?> consumer, List<TopicPartition> partitions, Instant since) {
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(p -> times.put(p, since.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp o = offsets.get(p);
      consumer.seek(p, o == null ? ends.get(p) : o.offset());
    }
    return ends;
  }
}
