package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.testbroker.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a three-broker cluster, topics created with three copies of which two must have
 * each write, and one broker killed while recordings are in flight: every recording still ends
 * COMPLETE with its transcript, none is lost.
 */
class BrokerLossFaultIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BEFORE = 4;
  private static final int AFTER = 4;

  @Test
  void killingOneOfThreeBrokersMidStreamLosesNoRecording() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    Map<String, String> environment = new HashMap<>();
    for (String service : List.of("INGEST", "STT", "CLASSIFY", "RESULTS")) {
      environment.put(service + "_TOPICS_REPLICATION_FACTOR", "3");
      environment.put(service + "_TOPICS_MIN_INSYNC_REPLICAS", "2");
    }
    try (TestCluster cluster = TestCluster.start(3);
        Services services =
            Pipelines.start(cluster.bootstrapServers(), 12_000, "-brokerloss", environment)) {
      IngestClient ingest = services.ingestClient();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < BEFORE; i++) {
        ids.add(accepted(ingest.upload(jfk)));
      }
      // The services made their topics as configured: three copies, two in sync.
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
        for (String topic :
            List.of("earshot.audio-chunks", "earshot.transcripts", "earshot.results")) {
          var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
          assertThat(description.partitions().get(0).replicas()).as(topic).hasSize(3);
          var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
          assertThat(
                  admin
                      .describeConfigs(List.of(resource))
                      .all()
                      .get()
                      .get(resource)
                      .get("min.insync.replicas")
                      .value())
              .as(topic)
              .isEqualTo("2");
        }
      }
      // A broker that leads some partitions of every topic goes away while those recordings are
      // being transcribed, classified and joined.
      int victim = cluster.brokerIds().get(1);
      long killedAt = System.nanoTime();
      cluster.stopBroker(victim);
      for (int i = 0; i < AFTER; i++) {
        ids.add(accepted(ingest.upload(jfk)));
      }

      Map<String, JsonNode> results = Pipelines.awaitComplete(services, ids, Duration.ofMinutes(5));
      double seconds = (System.nanoTime() - killedAt) / 1e9;
      System.out.printf(
          "Broker %d of 3 killed; %d recordings in, %d COMPLETE, all within %.1f s of the kill%n",
          victim, ids.size(), results.size(), seconds);
      assertThat(results).hasSize(ids.size());
      for (JsonNode result : results.values()) {
        assertThat(result.get("transcription").asText()).containsIgnoringCase("your country");
        assertThat(result.get("chunks_joined").asInt()).isEqualTo(result.get("chunks").asInt());
      }
    }
  }

  private static String accepted(IngestClient.Upload upload) {
    assertThat(upload.accepted()).as(upload.message()).isTrue();
    return upload.recordingId();
  }
}
