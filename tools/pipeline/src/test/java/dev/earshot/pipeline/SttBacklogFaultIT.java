package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.pipeline.replay.ResultTopic;
import dev.earshot.testbroker.TestBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The STT workers away for six times the join's incomplete timeout while recordings wait for them:
 * the recordings stay PROCESSING (the workers' group has not reached their chunks, so they are
 * behind, not lost), and end COMPLETE once the workers are back, with no INCOMPLETE result in
 * between.
 */
class SttBacklogFaultIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration AWAY = TIMEOUT.multipliedBy(6);

  @Test
  void recordingsWaitingForBusyWorkersAreNotReportedIncomplete() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    String bootstrap = TestBroker.bootstrapServers();
    try (Services services =
        Pipelines.start(
            bootstrap,
            17_000,
            "-backlog",
            Map.of(
                "RESULTS_INCOMPLETE_TIMEOUT",
                TIMEOUT.toSeconds() + "S",
                "RESULTS_SCAN_INTERVAL",
                "2S"))) {
      services.stop("stt-service");
      IngestClient ingest = services.ingestClient();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        IngestClient.Upload upload = ingest.upload(jfk);
        assertThat(upload.accepted()).as(upload.message()).isTrue();
        ids.add(upload.recordingId());
      }

      // Every couple of seconds while the workers are away, each recording is still PROCESSING.
      HttpClient http = HttpClient.newHttpClient();
      Set<String> seen = new HashSet<>();
      long until = System.nanoTime() + AWAY.toNanos();
      int polls = 0;
      while (System.nanoTime() < until) {
        for (String id : ids) {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create(services.resultsUrl() + "/api/recordings/" + id))
                      .header("Authorization", "Bearer " + services.readKey())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            seen.add(JSON.readTree(r.body()).get("status").asText());
          }
        }
        polls++;
        Thread.sleep(2000);
      }
      assertThat(seen).as("statuses while the workers were away").containsOnly("PROCESSING");

      long back = System.nanoTime();
      services.startAgain("stt-service", Map.of());
      Map<String, JsonNode> complete =
          Pipelines.awaitComplete(services, ids, Duration.ofMinutes(3));
      double completeSeconds = (System.nanoTime() - back) / 1e9;
      assertThat(complete).hasSize(ids.size());

      List<String> statuses = new ArrayList<>();
      for (String record : ResultTopic.read(bootstrap, "earshot.results", Duration.ofSeconds(30))) {
        JsonNode result = JSON.readTree(record);
        if (ids.contains(result.get("recording_id").asText())) {
          statuses.add(result.get("status").asText());
        }
      }
      System.out.printf(
          "STT away %d s (incomplete timeout %d s): %d recordings PROCESSING in %d polls, all %d"
              + " COMPLETE %.1f s after STT was started again; results on the topic %s%n",
          AWAY.toSeconds(),
          TIMEOUT.toSeconds(),
          ids.size(),
          polls,
          complete.size(),
          completeSeconds,
          statuses);
      assertThat(statuses).containsOnly("COMPLETE").hasSize(ids.size());
    }
  }
}
