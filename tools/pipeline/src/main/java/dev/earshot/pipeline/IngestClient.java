package dev.earshot.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Uploads files to ingest-service's HTTP API ({@code POST /recordings}). */
public final class IngestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param apiKey one of ingest-service's {@code ingest.http.api-keys}
   */
  public IngestClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.apiKey = apiKey;
  }

  /**
   * What ingest answered: accepted with the recording id, or refused with the reason (a refused
   * recording that got as far as Kafka has an id too: its FAILED event carries the reason).
   */
  /**
   * @param results where results-service serves the recording, as ingest announced it; null when
   *     refused
   */
  public record Upload(
      Path file, int status, String recordingId, String message, long sentAtMs, String results) {
    public boolean accepted() {
      return status == 202;
    }
  }

  public Upload upload(Path file) throws IOException, InterruptedException {
    String name = file.getFileName().toString();
    URI uri =
        URI.create(baseUrl + "/recordings?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    long sent = System.currentTimeMillis();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/octet-stream")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IOException("ingest answered " + r.statusCode() + " with " + r.body(), e);
    }
    String id = body.path("recordingId").asText(null);
    int chunks = body.path("chunks").asInt();
    String message =
        r.statusCode() == 202
            ? chunks
                + (chunks == 1 ? " chunk, " : " chunks, ")
                + body.path("durationSeconds").asDouble()
                + " s"
            : body.path("error").asText("") + ": " + body.path("message").asText("");
    return new Upload(file, r.statusCode(), id, message, sent, body.path("results").asText(null));
  }
}
