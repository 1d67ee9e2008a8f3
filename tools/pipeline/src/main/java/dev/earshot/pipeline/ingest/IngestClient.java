package dev.earshot.pipeline.ingest;

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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Uploads files to ingest-service's HTTP API ({@code POST /recordings}). */
public final class IngestClient {

  /** The header ingest reads the upload key from. */
  public static final String API_KEY_HEADER = "X-API-Key";

  /** A retry with the same key gets the same recording (ingest's {@code Idempotency-Key}). */
  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  /** Set on ingest's answer to a retry of an upload it accepted before. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String apiKey;
  // HTTP/1.1: an h2c upgrade on a large body ends in GOAWAY instead of the service's answer.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param apiKey one of ingest-service's {@code ingest.http.api-keys}
   */
  public IngestClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.apiKey = apiKey;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String apiKey() {
    return apiKey;
  }

  /**
   * What ingest answered: accepted with the recording id, or refused with the reason (a refused
   * recording that got as far as Kafka has an id too: its FAILED event carries the reason).
   *
   * @param error the rejection code when refused (TRUNCATED, TOO_LARGE, ...), else null
   * @param message for an accepted upload its chunks and length, else the reason
   * @param results where results-service serves the recording, as ingest announced it; null when
   *     refused
   * @param replayed the answer is ingest's first one again: an upload with the same idempotency key
   *     was accepted before, and nothing was published this time
   */
  public record Upload(
      Path file,
      int status,
      String recordingId,
      String error,
      String message,
      int chunks,
      double seconds,
      String inputFormat,
      long sentAtMs,
      String results,
      boolean replayed) {
    public boolean accepted() {
      return status == 202;
    }
  }

  public Upload upload(Path file) throws IOException, InterruptedException {
    return upload(file, file.getFileName().toString(), null, null);
  }

  /**
   * @param name recorded with the recording; {@code device} and {@code capturedAt} may be null
   */
  public Upload upload(Path file, String name, String device, Instant capturedAt)
      throws IOException, InterruptedException {
    return upload(file, name, device, capturedAt, null);
  }

  /**
   * @param idempotencyKey sent as {@code Idempotency-Key} (1 to 255 printable ASCII characters), so
   *     that sending the same file again with it gets the same recording: the first answer once it
   *     was accepted, a new attempt under the same id after a failure; null for none
   */
  public Upload upload(
      Path file, String name, String device, Instant capturedAt, String idempotencyKey)
      throws IOException, InterruptedException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("name", name);
    query.put("device", device);
    query.put("capturedAt", capturedAt == null ? null : capturedAt.toString());
    URI uri = URI.create(baseUrl + "/recordings?" + query(query));
    long sent = System.currentTimeMillis();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/octet-stream")
            .header(API_KEY_HEADER, apiKey)
            .POST(HttpRequest.BodyPublishers.ofFile(file));
    if (idempotencyKey != null) {
      request.header(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
    }
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      body = null;
      if (r.statusCode() != 413) {
        throw new IOException("ingest answered " + r.statusCode() + " with " + r.body(), e);
      }
    }
    if (r.statusCode() == 413 && (body == null || !body.hasNonNull("error"))) {
      // Over the HTTP server's body limit, which answers before the service can, without a JSON
      // body; the service's own 413s (TOO_LARGE, TOO_LONG) say which in theirs.
      return new Upload(
          file,
          413,
          null,
          "TOO_LARGE",
          "larger than the service takes",
          0,
          0,
          null,
          sent,
          null,
          false);
    }
    String id = body.path("recordingId").asText(null);
    int chunks = body.path("chunks").asInt();
    double seconds = body.path("durationSeconds").asDouble();
    boolean accepted = r.statusCode() == 202;
    String message =
        accepted
            ? chunks + (chunks == 1 ? " chunk, " : " chunks, ") + seconds + " s"
            : body.path("message").asText("");
    return new Upload(
        file,
        r.statusCode(),
        id,
        accepted ? null : body.path("error").asText("HTTP_" + r.statusCode()),
        message,
        chunks,
        seconds,
        body.path("inputFormat").asText(null),
        sent,
        body.path("results").asText(null),
        r.headers().firstValue(REPLAYED_HEADER).map("true"::equalsIgnoreCase).orElse(false));
  }

  /**
   * An idempotency key for a file: {@code sha256:} and the SHA-256 of its bytes, so the same file
   * sent again by the same caller is the same recording.
   */
  public static String keyOf(Path file) throws IOException {
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (var in = java.nio.file.Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    }
    return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
  }

  /** {@code key=value&...} for the values that are set, encoded. */
  static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(
            e ->
                e.getKey()
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("&"));
  }
}
