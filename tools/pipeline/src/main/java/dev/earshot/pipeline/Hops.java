package dev.earshot.pipeline;

import dev.earshot.schema.topic.EarshotTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
          EarshotTopic.CLASSIFICATIONS);

  /**
   * The timestamp of each recording's latest record on each topic of {@link #PATH}, by recording
   * id; a recording with no record on a topic has no entry for it.
   */
  public static Map<String, Map<EarshotTopic, Long>> latest(
      String kafka, Instant since, Collection<String> recordingIds) {
    Set<String> wanted = new HashSet<>(recordingIds);
    Map<String, Map<EarshotTopic, Long>> latest = new HashMap<>();
    for (EarshotTopic topic : PATH) {
      TopicTime.readFrom(
          kafka,
          "earshot-bench-hops",
          topic.defaultName(),
          since,
          Duration.ofSeconds(30),
          r -> {
            if (wanted.contains(r.key())) {
              latest
                  .computeIfAbsent(r.key(), k -> new EnumMap<>(EarshotTopic.class))
                  .merge(topic, r.timestamp(), Math::max);
            }
          });
    }
    return latest;
  }

  /**
   * One recording's way through an idle pipeline, in milliseconds from its upload: when its last
   * chunk, its FINISHED event, its last transcript and last classification were made (their
   * createdAt) and sent, and when a reader saw its result; with the model compute the workers
   * reported for it.
   */
  public record Breakdown(
      long chunk,
      long finished,
      long transcriptMade,
      long transcript,
      long classified,
      long classification,
      long seen,
      double sttComputeMs,
      double classifyComputeMs) {

    /**
     * @param at the recording's latest record times (from {@link #latest}); empty when one is
     *     missing
     */
    public static Optional<Breakdown> of(
        long sentAtMs,
        long seenAtMs,
        Map<EarshotTopic, Long> at,
        long transcriptMadeAtMs,
        long classifiedAtMs,
        double sttComputeMs,
        double classifyComputeMs) {
      Long chunk = at.get(EarshotTopic.AUDIO_CHUNKS);
      Long finished = at.get(EarshotTopic.RECORDING_EVENTS);
      Long transcript = at.get(EarshotTopic.TRANSCRIPTS);
      Long classification = at.get(EarshotTopic.CLASSIFICATIONS);
      if (chunk == null || finished == null || transcript == null || classification == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Breakdown(
              chunk - sentAtMs,
              finished - sentAtMs,
              transcriptMadeAtMs - sentAtMs,
              transcript - sentAtMs,
              classifiedAtMs - sentAtMs,
              classification - sentAtMs,
              seenAtMs - sentAtMs,
              sttComputeMs,
              classifyComputeMs));
    }

    /** Upload to result, beyond the longer of the two workers' model compute. */
    public double overheadMs() {
      return seen - Math.max(sttComputeMs, classifyComputeMs);
    }

    public double sttMs() {
      return transcript - chunk;
    }

    public double classifyMs() {
      return classification - chunk;
    }

    /**
     * From the last part the join waits for to the result in a reader's hands. Kafka Streams stamps
     * its output with its input's time, so the join, its exactly-once commit and the reader's poll
     * show up together here.
     */
    public double joinMs() {
      return seen - Math.max(Math.max(transcript, classification), finished);
    }
  }
}
