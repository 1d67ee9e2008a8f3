package dev.earshot.pipeline;

import dev.earshot.schema.topic.EarshotTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a recording's time went between the services, from the timestamps Kafka keeps with each
 * record (the producer's clock when it sent it; all services of a benchmark share one machine's
 * clock): the latest record of the recording on each topic.
 */
public final class Hops {

  private Hops() {}

  /** The topics a recording passes through, in the order it reaches them. */
  static final List<EarshotTopic> PATH =
      List.of(
          EarshotTopic.AUDIO_CHUNKS,
          EarshotTopic.RECORDING_EVENTS,
          EarshotTopic.TRANSCRIPTS,
          EarshotTopic.CLASSIFICATIONS,
          EarshotTopic.RESULTS);

  /** The timestamp of the recording's latest record on each topic, in {@link #PATH} order. */
  public static Map<EarshotTopic, Long> latest(String kafka, Instant since, String recordingId) {
    Map<EarshotTopic, Long> latest = new LinkedHashMap<>();
    for (EarshotTopic topic : PATH) {
      TopicTime.readFrom(
          kafka,
          "earshot-bench-hops",
          topic.defaultName(),
          since,
          Duration.ofSeconds(30),
          r -> {
            if (recordingId.equals(r.key())) {
              latest.merge(topic, r.timestamp(), Math::max);
            }
          });
    }
    return latest;
  }
}
