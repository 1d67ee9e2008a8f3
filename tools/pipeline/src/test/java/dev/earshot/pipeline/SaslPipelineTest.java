package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.testbroker.SaslTestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/**
 * The four services against a broker that lets in only clients that log in with SASL/SCRAM: their
 * channels, Kafka Streams, topic set-up, reachability check and live feed all take the credentials
 * from the same KAFKA_* environment variables, and a real recording goes through to its result.
 */
class SaslPipelineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRecordingGoesThroughWhenEveryKafkaClientMustLogIn() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    try (SaslTestBroker broker = SaslTestBroker.start()) {
      // Without the credentials the broker answers nobody.
      try (Admin anonymous =
          Admin.create(
              Map.of(
                  "bootstrap.servers",
                  broker.bootstrapServers(),
                  "default.api.timeout.ms",
                  10_000,
                  "request.timeout.ms",
                  5_000))) {
        assertThatThrownBy(() -> anonymous.listTopics().names().get(15, TimeUnit.SECONDS))
            .isNotNull();
      }

      Map<String, String> environment = new HashMap<>();
      SaslTestBroker.clientSecurity()
          .forEach(
              (key, value) ->
                  environment.put("KAFKA_" + key.toUpperCase().replace('.', '_'), value));
      try (Services services =
          Pipelines.start(broker.bootstrapServers(), 11_000, "-sasl", environment)) {
        IngestClient.Upload upload = services.ingestClient().upload(jfk);
        assertThat(upload.accepted()).as(upload.message()).isTrue();

        JsonNode result =
            Pipelines.awaitComplete(services, List.of(upload.recordingId()), Duration.ofMinutes(4))
                .get(upload.recordingId());
        assertThat(result).as("a COMPLETE result").isNotNull();
        assertThat(result.get("transcription").asText()).containsIgnoringCase("your country");
        assertThat(result.get("predicted_label").asText()).isEqualTo("speech");
      }
    }
  }
}
