package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.testbroker.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

/**
 * A second STT worker whose Whisper call hangs for good (injected: a call that never returns and
 * ignores interrupts, as a stuck native library would) while it holds half the partitions: the
 * inference watchdog ends it within its limit, its partitions go to the healthy worker, and every
 * recording ends COMPLETE with one COMPLETE result.
 */
class HungWorkerFaultIT {

  private static final Duration LIMIT_PER_CHUNK = Duration.ofSeconds(5);
  private static final Duration GRACE = Duration.ofSeconds(20);

  /** sysexits.h's EX_SOFTWARE, the status a hung worker exits with (README, Operations). */
  private static final int EX_SOFTWARE = 70;

  @Test
  void aWorkerWhoseInferenceHangsHandsItsPartitionsOverAndTheOtherFinishes() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    String bootstrap = TestBroker.bootstrapServers();
    try (Services services = Pipelines.start(bootstrap, 16_000, "-hang", Map.of())) {
      ServiceProcess hung =
          services.startCopy(
              "stt-service",
              "stt-service-hung",
              50,
              Map.of(
                  "stt.watchdog.inference-timeout", LIMIT_PER_CHUNK.toSeconds() + "s",
                  "stt.watchdog.exit-grace", GRACE.toSeconds() + "s",
                  "stt.watchdog.inject-hang-after-chunks", "0"));
      awaitTwoMembersWithPartitions(bootstrap, services.group("stt-service"));

      // Uploads until one of them reaches the worker that hangs (each lands on one partition).
      IngestClient ingest = services.ingestClient();
      List<String> ids = new ArrayList<>();
      long hangSeen = 0;
      while (hangSeen == 0 && ids.size() < 16) {
        IngestClient.Upload upload = ingest.upload(jfk);
        assertThat(upload.accepted()).as(upload.message()).isTrue();
        ids.add(upload.recordingId());
        for (int i = 0; i < 20 && hangSeen == 0; i++) {
          Thread.sleep(250);
          if (Files.readString(hung.log()).contains("injected fault")) {
            hangSeen = System.nanoTime();
          }
        }
      }
      assertThat(hangSeen).as("a recording reached the worker that hangs").isNotZero();
      for (int i = 0; i < 3; i++) {
        IngestClient.Upload upload = ingest.upload(jfk);
        assertThat(upload.accepted()).as(upload.message()).isTrue();
        ids.add(upload.recordingId());
      }

      // A batch holds at most 4 chunks (max-poll): limit 4 x 5 s, then the grace, then margin.
      OptionalInt status =
          hung.awaitExit(LIMIT_PER_CHUNK.multipliedBy(4).plus(GRACE).plusSeconds(30));
      double exitSeconds = (System.nanoTime() - hangSeen) / 1e9;
      String hungLog = Files.readString(hung.log());
      assertThat(status).as(hung.tail(30)).hasValue(EX_SOFTWARE);
      assertThat(hungLog).contains("is hung: inference on");
      boolean halted = hungLog.contains("halting");

      Map<String, JsonNode> complete =
          Pipelines.awaitComplete(services, ids, Duration.ofMinutes(4));
      double completeSeconds = (System.nanoTime() - hangSeen) / 1e9;
      assertThat(complete).hasSize(ids.size());
      for (JsonNode result : complete.values()) {
        assertThat(result.get("transcription").asText()).containsIgnoringCase("your country");
      }

      Map<String, Integer> completeResults = Pipelines.completeResults(bootstrap, ids);
      System.out.printf(
          "Hung STT worker (limit %d s per chunk): %d recordings in; the worker exited with %d"
              + " %.1f s after its call hung (%s); all %d COMPLETE %.1f s after the call hung,"
              + " COMPLETE results per recording %s%n",
          LIMIT_PER_CHUNK.toSeconds(),
          ids.size(),
          status.getAsInt(),
          exitSeconds,
          halted ? "halted after the grace" : "orderly exit",
          complete.size(),
          completeSeconds,
          completeResults.values().stream().distinct().toList());
      assertThat(completeResults).hasSize(ids.size());
      assertThat(completeResults.values()).containsOnly(1);
    }
  }

  /** Until both workers of the group hold partitions, so either can be handed chunks. */
  private static void awaitTwoMembersWithPartitions(String bootstrap, String group)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline) {
        ConsumerGroupDescription d =
            admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        long holding =
            d.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        if (holding >= 2) {
          return;
        }
        Thread.sleep(500);
      }
      throw new AssertionError("group " + group + " did not spread over two workers in 90 s");
    }
  }
}
