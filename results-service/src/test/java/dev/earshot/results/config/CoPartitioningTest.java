package dev.earshot.results.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.results.join.ResultsTopology;
import dev.earshot.schema.topic.TopicInitializer;
import dev.earshot.testbroker.TestBroker;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * The join needs its inputs co-partitioned; a topic that a client auto-created with the broker's
 * default count must stop results-service with a message naming it, on the real broker.
 */
class CoPartitioningTest {

  @Test
  void inputsWithDifferentPartitionCountsAreNamedWithTheirCounts() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String chunks = "cp-chunks-" + suffix;
    String events = "cp-events-" + suffix;
    String transcripts = "cp-transcripts-" + suffix;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(chunks, 3, (short) 1),
                  new NewTopic(events, 12, (short) 1),
                  new NewTopic(transcripts, 12, (short) 1)))
          .all()
          .get();

      Map<String, Integer> counts =
          TopicInitializer.partitionCounts(admin, List.of(events, transcripts, chunks), 10_000);
      assertThat(counts)
          .containsExactly(Map.entry(events, 12), Map.entry(transcripts, 12), Map.entry(chunks, 3));
      assertThat(ResultsTopology.coPartitioningProblem(counts))
          .hasValueSatisfying(
              problem ->
                  assertThat(problem)
                      .contains(chunks + " has 3", events + " has 12", transcripts + " has 12"));

      Map<String, Integer> matching =
          TopicInitializer.partitionCounts(admin, List.of(events, transcripts), 10_000);
      assertThat(ResultsTopology.coPartitioningProblem(matching)).isEmpty();
    }
  }

  @Test
  void aMissingInputIsReportedByName() {
    String missing = "cp-missing-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
      assertThatThrownBy(() -> TopicInitializer.partitionCounts(admin, List.of(missing), 10_000))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(missing);
    }
  }
}
