package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.pipeline.replay.ResultTopic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The four services on a cluster a test made, and waiting for their results. */
final class Pipelines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Pipelines() {}

  /**
   * @param environment more environment for every service (Kafka credentials, topic settings)
   */
  static Services start(
      String bootstrap, int portShift, String suffix, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("earshot.root", "..")).toAbsolutePath().normalize();
    return Services.start(
        new Services.Options(
            root,
            bootstrap,
            Services.Ports.DEFAULT.shifted(portShift),
            suffix,
            Path.of("target", suffix.replaceFirst("^-", "")).toAbsolutePath(),
            1,
            Map.of(),
            environment,
            null,
            null,
            false,
            Set.of(),
            Duration.ofMinutes(4)));
  }

  /**
   * Polls the query API, as a reader, until every recording is COMPLETE; a recording in another
   * state than PROCESSING or COMPLETE fails at once.
   *
   * @return the COMPLETE results, fewer than asked for when the time ran out
   */
  static Map<String, JsonNode> awaitComplete(Services services, List<String> ids, Duration timeout)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, JsonNode> complete = new LinkedHashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (complete.size() < ids.size() && System.nanoTime() < deadline) {
      for (String id : ids) {
        if (complete.containsKey(id)) {
          continue;
        }
        HttpResponse<String> r = recording(http, services, id);
        if (r.statusCode() == 200) {
          JsonNode result = JSON.readTree(r.body());
          assertThat(result.get("status").asText()).as(id).isIn("PROCESSING", "COMPLETE");
          if (result.get("status").asText().equals("COMPLETE")) {
            complete.put(id, result);
          }
        }
      }
      Thread.sleep(500);
    }
    return complete;
  }

  /**
   * How many COMPLETE recording results each of these recordings has on the results topic: 1 for
   * each when nothing was lost or emitted twice.
   */
  static Map<String, Integer> completeResults(String bootstrap, List<String> ids)
      throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String record : ResultTopic.read(bootstrap, "earshot.results", Duration.ofSeconds(30))) {
      JsonNode result = JSON.readTree(record);
      String id = result.get("recording_id").asText();
      if (ids.contains(id) && result.get("status").asText().equals("COMPLETE")) {
        counts.merge(id, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The query API's answer for a recording, asked as a reader. */
  static HttpResponse<String> recording(HttpClient http, Services services, String id)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(services.resultsUrl() + "/api/recordings/" + id))
            .header("Authorization", "Bearer " + services.readKey())
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
