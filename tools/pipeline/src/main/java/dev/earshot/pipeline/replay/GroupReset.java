package dev.earshot.pipeline.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Moves a consumer group's committed offsets on one topic back (or forward) to a point in time, so
 * that the group's workers, once restarted, process the records from that time again: how old audio
 * is replayed through a new model.
 *
 * <p>Kafka only lets the offsets of an empty group be changed, so the workers of the group must be
 * stopped before {@link #apply}; {@link #plan} alone is a dry run and can be called at any time.
 */
public final class GroupReset {

  private GroupReset() {}

  /**
   * What a reset does to one partition.
   *
   * @param committed the group's committed offset now, empty when it has none on this partition
   * @param newOffset the offset the group will resume from: the first record at or after the time,
   *     or the end offset when no record is that recent
   * @param endOffset the offset the next record will get (the last stable offset, so an open
   *     transaction is not skipped)
   * @param toReprocess records from {@code newOffset} to the end, or only those before {@code to}
   *     when the plan has one
   */
  public record PartitionPlan(
      int partition, OptionalLong committed, long newOffset, long endOffset, long toReprocess) {

    /** Records the workers will process once restarted: they stop at no {@code to}. */
    public long untilEnd() {
      return endOffset - newOffset;
    }
  }

  /**
   * A reset of {@code group} on {@code topic} to {@code from}.
   *
   * <p>{@code to} only counts records: {@link PartitionPlan#toReprocess()} is the number of records
   * with timestamps in {@code [from, to)}. A consumer group has no stop offset, so the restarted
   * workers keep going past {@code to} to the end of the topic and on with new records.
   *
   * @param partitions one per partition of the topic, by partition number
   */
  public record Plan(
      String group,
      String topic,
      Instant from,
      Optional<Instant> to,
      List<PartitionPlan> partitions) {

    public Plan {
      partitions = List.copyOf(partitions);
    }

    public long toReprocess() {
      return partitions.stream().mapToLong(PartitionPlan::toReprocess).sum();
    }

    public long untilEnd() {
      return partitions.stream().mapToLong(PartitionPlan::untilEnd).sum();
    }

    /** The offsets {@link GroupReset#apply} commits for the group. */
    public Map<TopicPartition, OffsetAndMetadata> offsets() {
      Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
      for (PartitionPlan p : partitions) {
        offsets.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(p.newOffset()));
      }
      return offsets;
    }
  }

  /**
   * Works out the reset without changing anything (a dry run).
   *
   * @param to optional end of the range to count, exclusive; see {@link Plan} for why workers do
   *     not stop there
   * @throws IllegalArgumentException when the topic does not exist or {@code to} is not after
   *     {@code from}
   */
  public static Plan plan(
      Admin admin, String group, String topic, Instant from, Optional<Instant> to) {
    if (to.isPresent() && !to.get().isAfter(from)) {
      throw new IllegalArgumentException(
          "'to' (" + to.get() + ") must be after 'from' (" + from + ")");
    }
    List<TopicPartition> partitions = partitions(admin, topic);
    Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
    Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> starts =
        offsets(admin, partitions, OffsetSpec.forTimestamp(from.toEpochMilli()));
    Map<TopicPartition, Long> stops =
        to.isPresent()
            ? offsets(admin, partitions, OffsetSpec.forTimestamp(to.get().toEpochMilli()))
            : ends;

    List<PartitionPlan> plans = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      long end = ends.get(tp);
      // The broker answers -1 when no record is at or after the timestamp.
      long start = starts.get(tp) < 0 ? end : starts.get(tp);
      long stop = stops.get(tp) < 0 ? end : stops.get(tp);
      OffsetAndMetadata current = committed.get(tp);
      plans.add(
          new PartitionPlan(
              tp.partition(),
              current == null ? OptionalLong.empty() : OptionalLong.of(current.offset()),
              start,
              end,
              Math.max(0, stop - start)));
    }
    return new Plan(group, topic, from, to, plans);
  }

  /**
   * Commits the plan's offsets for its group, creating the group when it does not exist yet.
   *
   * @throws IllegalStateException when the group has members: its workers must be stopped first
   */
  public static void apply(Admin admin, Plan plan) {
    List<MemberDescription> members = members(admin, plan.group());
    if (!members.isEmpty()) {
      throw new IllegalStateException(stopWorkersFirst(plan.group(), members));
    }
    try {
      await(admin.alterConsumerGroupOffsets(plan.group(), plan.offsets()).all());
    } catch (KafkaException e) {
      if (e instanceof InterruptException) {
        throw e;
      }
      // A worker that joined after the check above makes the broker refuse the commit.
      List<MemberDescription> now = members(admin, plan.group());
      if (!now.isEmpty()) {
        throw new IllegalStateException(stopWorkersFirst(plan.group(), now), e);
      }
      throw e;
    }
  }

  private static String stopWorkersFirst(String group, List<MemberDescription> members) {
    String list =
        members.stream()
            .map(m -> m.clientId() + " on " + m.host())
            .sorted()
            .collect(Collectors.joining(", "));
    int n = members.size();
    return "stop the "
        + n
        + (n == 1 ? " worker" : " workers")
        + " of group "
        + group
        + " first (members: "
        + list
        + "); Kafka only resets the offsets of a group with no members";
  }

  private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
    try {
      return await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    } catch (GroupIdNotFoundException e) {
      return Map.of();
    }
  }

  private static List<MemberDescription> members(Admin admin, String group) {
    try {
      ConsumerGroupDescription description =
          await(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
      return List.copyOf(description.members());
    } catch (GroupIdNotFoundException e) {
      return List.of();
    }
  }

  private static List<TopicPartition> partitions(Admin admin, String topic) {
    TopicDescription description;
    try {
      description = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    } catch (UnknownTopicOrPartitionException e) {
      throw new IllegalArgumentException("topic " + topic + " does not exist", e);
    }
    return description.partitions().stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .sorted(Comparator.comparingInt(TopicPartition::partition))
        .toList();
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    // Read-committed, as the services consume: the end is then the last stable offset, and a
    // reset never jumps over a transaction that is still open.
    Map<TopicPartition, ListOffsetsResultInfo> infos =
        await(
            admin
                .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all());
    Map<TopicPartition, Long> offsets = new HashMap<>();
    infos.forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }

  /** The future's value, with Kafka's own exception (it names the failure) instead of a wrapper. */
  static <T> T await(KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new KafkaException(e.getCause());
    }
  }
}
