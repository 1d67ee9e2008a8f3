package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.pipeline.local.Home;
import dev.earshot.pipeline.local.LocalBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole broker away for 60 s while recordings are in flight, then back (the launcher's own
 * broker process, stopped and started on its data): every service recovers without a restart and
 * every recording ends COMPLETE.
 */
class BrokerOutageFaultIT {

  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @Test
  void aBrokerAwayForAMinuteLosesNoRecordingAndNoServiceNeedsARestart() throws Exception {
    Path root = Path.of(System.getProperty("earshot.root", "..")).toAbsolutePath().normalize();
    Path state = Files.createTempDirectory("earshot-outage");
    LocalBroker broker = new LocalBroker(new Home(root, state), freePort(), freePort());
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    try {
      broker.start(System.err);
      try (Services services =
          Pipelines.start(broker.bootstrapServers(), 13_000, "-outage", Map.of())) {
        Map<String, Long> pids = new HashMap<>();
        services.processes().forEach(p -> pids.put(p.name(), p.pid()));
        IngestClient ingest = services.ingestClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          IngestClient.Upload upload = ingest.upload(jfk);
          assertThat(upload.accepted()).as(upload.message()).isTrue();
          ids.add(upload.recordingId());
        }

        assertThat(broker.stop()).isTrue();
        Thread.sleep(OUTAGE.toMillis());
        long restarted = System.nanoTime();
        broker.start(System.err);

        Map<String, JsonNode> complete =
            Pipelines.awaitComplete(services, ids, Duration.ofMinutes(5));
        double recovered = (System.nanoTime() - restarted) / 1e9;
        for (ServiceProcess process : services.processes()) {
          process.awaitReady(Duration.ofMinutes(2));
        }
        double ready = (System.nanoTime() - restarted) / 1e9;
        System.out.printf(
            "Broker away %d s: %d recordings in, %d COMPLETE %.1f s after it came back;"
                + " every service ready %.1f s after it came back%n",
            OUTAGE.toSeconds(), ids.size(), complete.size(), recovered, ready);
        assertThat(complete).hasSize(ids.size());
        for (JsonNode result : complete.values()) {
          assertThat(result.get("transcription").asText()).containsIgnoringCase("your country");
        }
        // The same processes: nothing was restarted to get there.
        services.processes().forEach(p -> assertThat(p.pid()).isEqualTo(pids.get(p.name())));
      }
    } finally {
      broker.stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
