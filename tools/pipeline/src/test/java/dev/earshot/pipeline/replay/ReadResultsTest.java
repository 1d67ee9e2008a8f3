package dev.earshot.pipeline.replay;

import static dev.earshot.pipeline.replay.ResultJson.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class ReadResultsTest {

  @Test
  void readsTheCommittedResultsOfEveryPartitionInOrderPerRecording() throws Exception {
    String topic = Kafka.createTopic("results", 3);
    String r1a = result("r1").text("one").json();
    String r1b = result("r1").model("transcript", "openai/whisper-base", "sha256:bbb").json();
    String r2 = result("r2").json();
    String r3 = result("r3").json();
    String aborted = result("r1").text("never committed").json();
    try (var producer =
        Kafka.producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, Kafka.unique("results")))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "r1", r1a));
      producer.send(new ProducerRecord<>(topic, "r2", r2));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "r1", aborted));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "r1", r1b));
      producer.send(new ProducerRecord<>(topic, "r3", r3));
      // A deleted result leaves a tombstone, which has no result to read.
      producer.send(new ProducerRecord<>(topic, "r4", null));
      producer.commitTransaction();
    }

    List<String> results = ResultTopic.read(Kafka.bootstrap(), topic, Duration.ofSeconds(30));

    assertThat(results).containsExactlyInAnyOrder(r1a, r1b, r2, r3);
    assertThat(results.indexOf(r1a)).isLessThan(results.indexOf(r1b));
    assertThat(ResultChanges.compare(results).changes()).hasSize(1);
  }

  @Test
  void anEmptyTopicHasNoResults() throws Exception {
    String topic = Kafka.createTopic("results", 2);

    assertThat(ResultTopic.read(Kafka.bootstrap(), topic, Duration.ofSeconds(30))).isEmpty();
  }

  @Test
  void aMissingTopicIsReportedAndNotCreated() throws Exception {
    String topic = Kafka.unique("missing");

    assertThatThrownBy(() -> ResultTopic.read(Kafka.bootstrap(), topic, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
    try (var admin = Kafka.admin()) {
      assertThat(admin.listTopics().names().get()).doesNotContain(topic);
    }
  }
}
