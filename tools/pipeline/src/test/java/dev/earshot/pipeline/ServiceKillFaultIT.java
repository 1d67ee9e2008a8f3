package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.testbroker.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * classify-service and then results-service killed (SIGKILL: no shutdown, no last commit) while
 * recordings are in flight, and started again: every recording ends COMPLETE, and each has exactly
 * one COMPLETE recording result on the results topic (the join is exactly-once; a classifier that
 * redoes a chunk is recognised as a duplicate).
 */
class ServiceKillFaultIT {

  @Test
  void killingClassifyAndResultsMidStreamLosesAndDuplicatesNothing() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    String bootstrap = TestBroker.bootstrapServers();
    try (Services services = Pipelines.start(bootstrap, 14_000, "-kill", Map.of())) {
      IngestClient ingest = services.ingestClient();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(accepted(ingest.upload(jfk)));
      }
      services.kill("classify-service");
      for (int i = 0; i < 3; i++) {
        ids.add(accepted(ingest.upload(jfk)));
      }
      long classifyBack = System.nanoTime();
      services.startAgain("classify-service", Map.of());
      double classifySeconds = (System.nanoTime() - classifyBack) / 1e9;

      services.kill("results-service");
      for (int i = 0; i < 3; i++) {
        ids.add(accepted(ingest.upload(jfk)));
      }
      long resultsBack = System.nanoTime();
      services.startAgain("results-service", Map.of());
      double resultsSeconds = (System.nanoTime() - resultsBack) / 1e9;

      Map<String, JsonNode> complete =
          Pipelines.awaitComplete(services, ids, Duration.ofMinutes(5));
      double allSeconds = (System.nanoTime() - resultsBack) / 1e9;
      assertThat(complete).hasSize(ids.size());

      Map<String, Integer> completeResults = Pipelines.completeResults(bootstrap, ids);
      System.out.printf(
          "classify-service and results-service killed: %d recordings in, %d COMPLETE,"
              + " COMPLETE results per recording %s; classify ready again %.1f s after its start,"
              + " results %.1f s, all COMPLETE %.1f s after results-service was started again%n",
          ids.size(),
          complete.size(),
          completeResults.values().stream().distinct().toList(),
          classifySeconds,
          resultsSeconds,
          allSeconds);
      assertThat(completeResults).hasSize(ids.size());
      assertThat(completeResults.values()).containsOnly(1);
    }
  }

  private static String accepted(IngestClient.Upload upload) {
    assertThat(upload.accepted()).as(upload.message()).isTrue();
    return upload.recordingId();
  }
}
