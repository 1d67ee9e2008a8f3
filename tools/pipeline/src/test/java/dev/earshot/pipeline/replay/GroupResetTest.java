package dev.earshot.pipeline.replay;

import static dev.earshot.pipeline.replay.Kafka.STEP;
import static dev.earshot.pipeline.replay.Kafka.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupResetTest {

  private Admin admin;

  @BeforeEach
  void connect() {
    admin = Kafka.admin();
  }

  @AfterEach
  void close() {
    admin.close();
  }

  /** A topic of 30 records (10 per partition) that {@code group} has read and committed. */
  private static String consumedTopic(String group) throws Exception {
    String topic = Kafka.chunks(30);
    try (var consumer = Kafka.consumer(group)) {
      assertThat(Kafka.readToEnd(consumer, topic)).hasSize(30);
      consumer.commitSync();
    }
    return topic;
  }

  private static List<String> values(int from, int to) {
    return IntStream.range(from, to).mapToObj(Integer::toString).toList();
  }

  @Test
  void resetsToTheFirstRecordAtOrAfterTheTimeAndTheGroupReadsFromThere() throws Exception {
    String group = Kafka.unique("stt");
    String topic = consumedTopic(group);

    // Records 15..29 are at or after T0 + 15 min: 5 in each partition, after 5 older ones.
    GroupReset.Plan plan =
        GroupReset.plan(admin, group, topic, T0.plus(STEP.multipliedBy(15)), Optional.empty());

    assertThat(plan.partitions())
        .containsExactly(
            new GroupReset.PartitionPlan(0, OptionalLong.of(10), 5, 10, 5),
            new GroupReset.PartitionPlan(1, OptionalLong.of(10), 5, 10, 5),
            new GroupReset.PartitionPlan(2, OptionalLong.of(10), 5, 10, 5));
    assertThat(plan.toReprocess()).isEqualTo(15);

    GroupReset.apply(admin, plan);

    try (var consumer = Kafka.consumer(group)) {
      assertThat(Kafka.readToEnd(consumer, topic))
          .containsExactlyInAnyOrderElementsOf(values(15, 30));
    }
  }

  @Test
  void toOnlyCountsTheRecordsBeforeIt() throws Exception {
    String group = Kafka.unique("stt");
    String topic = consumedTopic(group);

    // [T0 + 15 min, T0 + 24 min) holds records 15..23: 3 per partition; record 24 is excluded.
    GroupReset.Plan plan =
        GroupReset.plan(
            admin,
            group,
            topic,
            T0.plus(STEP.multipliedBy(15)),
            Optional.of(T0.plus(STEP.multipliedBy(24))));

    assertThat(plan.partitions())
        .extracting(GroupReset.PartitionPlan::toReprocess)
        .containsOnly(3L);
    assertThat(plan.toReprocess()).isEqualTo(9);
    assertThat(plan.untilEnd()).isEqualTo(15);

    // The group resumes at the same offsets as without 'to', and reads on to the end.
    GroupReset.apply(admin, plan);
    try (var consumer = Kafka.consumer(group)) {
      assertThat(Kafka.readToEnd(consumer, topic))
          .containsExactlyInAnyOrderElementsOf(values(15, 30));
    }
  }

  @Test
  void refusesToResetAGroupWithActiveMembers() throws Exception {
    String group = Kafka.unique("stt");
    String topic = Kafka.chunks(30);
    try (var worker = Kafka.consumer(group)) {
      Kafka.readToEnd(worker, topic);
      worker.commitSync();
      GroupReset.Plan plan = GroupReset.plan(admin, group, topic, T0, Optional.empty());

      assertThatThrownBy(() -> GroupReset.apply(admin, plan))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("stop the 1 worker of group " + group + " first (members: ")
          // A consumer's default client id names its group.
          .hasMessageContaining("consumer-" + group);

      assertThat(committed(group).values()).extracting(OffsetAndMetadata::offset).containsOnly(10L);
    }
  }

  @Test
  void aTimeAfterEveryRecordGoesToTheEnd() throws Exception {
    String group = Kafka.unique("stt");
    String topic = Kafka.chunks(30);

    GroupReset.Plan plan =
        GroupReset.plan(admin, group, topic, T0.plus(Duration.ofHours(1)), Optional.empty());

    assertThat(plan.partitions())
        .allSatisfy(
            p -> {
              assertThat(p.newOffset()).isEqualTo(p.endOffset()).isEqualTo(10);
              assertThat(p.toReprocess()).isZero();
            });
    assertThat(plan.toReprocess()).isZero();
  }

  @Test
  void aTimeBeforeEveryRecordGoesToTheStart() throws Exception {
    String group = Kafka.unique("stt");
    String topic = Kafka.chunks(30);

    GroupReset.Plan plan =
        GroupReset.plan(admin, group, topic, T0.minus(Duration.ofDays(1)), Optional.empty());

    assertThat(plan.partitions()).extracting(GroupReset.PartitionPlan::newOffset).containsOnly(0L);
    assertThat(plan.toReprocess()).isEqualTo(30);
  }

  @Test
  void aNewGroupNameGetsTheOffsets() throws Exception {
    String topic = Kafka.chunks(30);
    String group = Kafka.unique("stt-new-model");

    GroupReset.Plan plan =
        GroupReset.plan(admin, group, topic, T0.plus(STEP.multipliedBy(15)), Optional.empty());
    assertThat(plan.partitions())
        .extracting(GroupReset.PartitionPlan::committed)
        .containsOnly(OptionalLong.empty());

    GroupReset.apply(admin, plan);

    assertThat(committed(group))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                new TopicPartition(topic, 0), new OffsetAndMetadata(5),
                new TopicPartition(topic, 1), new OffsetAndMetadata(5),
                new TopicPartition(topic, 2), new OffsetAndMetadata(5)));
    try (var consumer = Kafka.consumer(group)) {
      assertThat(Kafka.readToEnd(consumer, topic))
          .containsExactlyInAnyOrderElementsOf(values(15, 30));
    }
  }

  @Test
  void anUnknownTopicIsRefused() {
    assertThatThrownBy(
            () ->
                GroupReset.plan(
                    admin, "earshot-stt", Kafka.unique("missing"), T0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void toMustBeAfterFrom() {
    Instant from = T0.plus(Duration.ofMinutes(5));
    assertThatThrownBy(() -> GroupReset.plan(admin, "earshot-stt", "any", from, Optional.of(T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be after");
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
    return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
  }
}
