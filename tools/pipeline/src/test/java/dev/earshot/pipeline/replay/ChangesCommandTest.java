package dev.earshot.pipeline.replay;

import static dev.earshot.pipeline.replay.ResultJson.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChangesCommandTest {

  private static String topic;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void publishResults() throws Exception {
    topic = Kafka.createTopic("results", 3);
    List<String> results =
        List.of(
            result("r1").text("The cat sat.").json(),
            result("r2").text("hello").label("speech", 0.9).json(),
            result("r1")
                .model("transcript", "openai/whisper-base", "sha256:bbb")
                .text("The cat sat down.")
                .json(),
            result("r2").text("hello").label("speech", 0.9).at("2026-11-21T12:00:00Z").json());
    try (var producer = Kafka.producer(Map.of())) {
      for (String json : results) {
        String key = new ObjectMapper().readTree(json).path("recording_id").asText();
        producer.send(new ProducerRecord<>(topic, key, json)).get();
      }
    }
  }

  private int changes(String... args) {
    return Cli.configure(new CommandLine(new ChangesCommand()))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void printsTheReport() {
    int code = changes("--topic", topic, "--bootstrap-servers", Kafka.bootstrap());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("4 results, 2 recordings, 2 compared: 1 with other model versions,")
        .contains("recording r1 (jfk.wav)")
        .contains("openai/whisper-tiny@sha256:aaa -> openai/whisper-base@sha256:bbb")
        .contains("WER 33.3%")
        .doesNotContain("recording r2");
  }

  @Test
  void printsJsonForAVersionPair() throws Exception {
    int code =
        changes(
            "--topic",
            topic,
            "--bootstrap-servers",
            Kafka.bootstrap(),
            "--part",
            "transcript",
            "--from-version",
            "sha256:aaa",
            "--to-version",
            "sha256:bbb",
            "--json");

    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.path("compared").asInt()).isEqualTo(1);
    assertThat(report.path("changes").get(0).path("transcript").path("wer").asDouble())
        .isEqualTo(1.0 / 3);
  }

  @Test
  void anUnreachableBrokerFailsWithTheReason() {
    int code = changes("--bootstrap-servers", "localhost:1", "--timeout", "2");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("changes: ").containsIgnoringCase("timeout");
  }

  @Test
  void aVersionWithoutAPartIsAUsageError() {
    assertThat(changes("--from-version", "sha256:aaa")).isEqualTo(2);
    assertThat(err.toString()).contains("a version needs a part");
  }

  @Test
  void aMissingTopicFailsWithTheReason() {
    int code =
        changes(
            "--topic", Kafka.unique("missing"),
            "--bootstrap-servers", Kafka.bootstrap(),
            "--timeout", "5");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("changes: topic missing-").contains("does not exist");
  }
}
