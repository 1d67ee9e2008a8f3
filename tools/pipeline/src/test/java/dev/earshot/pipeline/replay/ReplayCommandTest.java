package dev.earshot.pipeline.replay;

import static dev.earshot.pipeline.replay.Kafka.STEP;
import static dev.earshot.pipeline.replay.Kafka.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int replay(String... args) {
    return Cli.configure(new CommandLine(new ReplayCommand()))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  /**
   * Replays {@code group} on {@code topic} of the test broker, with the options in {@code more}.
   */
  private int replayOn(String group, String topic, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("--group", group, "--topic", topic, "--bootstrap-servers", Kafka.bootstrap()));
    args.addAll(List.of(more));
    return replay(args.toArray(String[]::new));
  }

  private static List<Long> committed(String group) throws Exception {
    try (Admin admin = Kafka.admin()) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get()
          .values()
          .stream()
          .map(OffsetAndMetadata::offset)
          .toList();
    }
  }

  @Test
  void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
    String topic = Kafka.chunks(30);
    String group = Kafka.unique("stt");
    try (var consumer = Kafka.consumer(group)) {
      Kafka.readToEnd(consumer, topic);
      consumer.commitSync();
    }

    int code =
        replayOn(
            group,
            topic,
            "--from",
            T0.plus(STEP.multipliedBy(15)).toString(),
            "--to",
            T0.plus(STEP.multipliedBy(24)).toString(),
            "--dry-run");

    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .contains("Group " + group + " on " + topic + ", from 2026-01-05T10:15:00Z to")
        .contains("partition   committed         new         end      move    in range")
        .contains("        0          10           5          10        -5           3")
        .contains("    total                                                         9")
        .contains("they process all 15 records")
        .contains("Dry run: group " + group + " was not changed.");
    assertThat(committed(group)).containsOnly(10L);
  }

  @Test
  void resetsTheGroup() throws Exception {
    String topic = Kafka.chunks(30);
    String group = Kafka.unique("stt");

    // With an offset: 11:15 at +01:00 is 10:15 UTC, record 15.
    int code = replayOn(group, topic, "--from", "2026-01-05T11:15:00+01:00");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("        1           -           5          10         -           5")
        .contains("Reset group " + group + " on " + topic + "; start its workers");
    assertThat(committed(group)).containsOnly(5L);
  }

  @Test
  void failsWithTheReasonWhileWorkersRun() throws Exception {
    String topic = Kafka.chunks(30);
    String group = Kafka.unique("stt");
    try (var worker = Kafka.consumer(group)) {
      Kafka.readToEnd(worker, topic);
      worker.commitSync();

      int code = replayOn(group, topic, "--from", T0.toString());

      assertThat(code).isEqualTo(1);
      assertThat(err.toString())
          .startsWith("replay: stop the 1 worker of group " + group + " first (members: ");
    }
    assertThat(committed(group)).containsOnly(10L);
  }

  @Test
  void anUnreachableBrokerFailsWithTheReason() {
    int code =
        replay(
            "--group", "g",
            "--from", T0.toString(),
            "--bootstrap-servers", "localhost:1",
            "--timeout", "2");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("replay: ").contains("Timed out");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(replay("--topic", "t", "--from", "2026-11-21T10:00:00Z")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--group");

    assertThat(replay("--group", "g", "--from", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("'yesterday' is not a time like 2026-11-21T10:00:00Z");
  }

  @Test
  void theBrokerDefaultsToTheEnvironmentOrLocalhost() {
    ReplayCommand command = new ReplayCommand();
    new CommandLine(command).parseArgs("--group", "g", "--from", "2026-11-21T10:00:00Z");

    String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    assertThat(command.kafka.bootstrapServers())
        .isEqualTo(env != null && !env.isBlank() ? env : "localhost:9092");
    assertThat(command.topic).isEqualTo("earshot.audio-chunks");
  }
}
