package dev.earshot.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Positions an assigned consumer at a point in time. */
public final class TopicTime {

  private TopicTime() {}

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
