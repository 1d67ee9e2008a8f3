package dev.earshot.pipeline.replay;

import dev.earshot.pipeline.TopicTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the recording results on a topic for {@link ResultChanges}. */
public final class ResultTopic {

  private ResultTopic() {}

  /**
   * Every recording result on the topic now, in topic order, as a read-committed consumer sees
   * them: results of aborted transactions are left out.
   *
   * @param timeout how long to wait for the topic's metadata and for reading up to its end
   * @throws IllegalArgumentException when the topic does not exist
   * @throws IllegalStateException when the end is not reached within the timeout
   */
  public static List<String> read(String bootstrap, String topic, Duration timeout) {
    // The reader settings never create a topic, so a mistyped name is reported as missing.
    try (var consumer =
        new KafkaConsumer<>(
            TopicTime.readerConfig(bootstrap, "earshot-changes"),
            new StringDeserializer(),
            new StringDeserializer())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("topic " + topic + " does not exist");
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // For a read-committed consumer these are the last stable offsets.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      List<String> values = new ArrayList<>();
      Set<TopicPartition> pending = new LinkedHashSet<>(partitions);
      pending.removeIf(tp -> consumer.position(tp, timeout) >= ends.get(tp));
      while (!pending.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Did not read "
                  + topic
                  + " to its end within "
                  + timeout
                  + "; partitions not done: "
                  + pending);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          // Results written after the end offsets were taken are left for the next report.
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.value() != null && record.offset() < ends.get(tp)) {
            values.add(record.value());
          }
        }
        pending.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
      }
      return values;
    }
  }
}
