package dev.earshot.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.RecordingResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a recording's JSON result and its pictures (fetched from results-service) to a folder. */
public final class ResultFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final String resultsUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String readKey;

  /**
   * @param readKey one of results-service's read keys; null when none is known (pictures then fail
   *     with results-service's 401)
   */
  public ResultFiles(Path folder, String resultsUrl, String readKey) {
    this.folder = folder;
    this.resultsUrl = resultsUrl.replaceAll("/+$", "");
    this.readKey = readKey;
  }

  /**
   * @return the files written: {@code NAME.ID8.json} and {@code NAME.ID8.PICTURE.png}
   */
  public List<Path> write(RecordingResult result) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    String id = result.recordingId();
    String file = result.file() == null ? "" : result.file();
    String stem = file.isEmpty() ? "recording" : Path.of(file).getFileName().toString();
    stem = stem.replaceAll("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    String base = stem + "." + id.substring(0, Math.min(8, id.length()));
    List<Path> written = new ArrayList<>();
    Path json = folder.resolve(base + ".json");
    Files.writeString(json, Json.pretty(result));
    written.add(json);
    Map<String, String> pictures = result.pictures() == null ? Map.of() : result.pictures();
    for (Map.Entry<String, String> picture : pictures.entrySet()) {
      HttpResponse<byte[]> r = fetch(picture.getValue());
      if (r.statusCode() != 200) {
        throw new IOException(
            "results-service answered " + r.statusCode() + " for " + picture.getValue());
      }
      Path png = folder.resolve(base + "." + picture.getKey() + ".png");
      Files.write(png, r.body());
      written.add(png);
    }
    return written;
  }

  private HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
    // Right after a result is published the owning instance may still be committing; retry.
    IOException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(resultsUrl + path)).timeout(Duration.ofSeconds(30));
        if (readKey != null) {
          request.header("Authorization", "Bearer " + readKey);
        }
        HttpResponse<byte[]> r =
            http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 503 && r.statusCode() != 404) {
          return r;
        }
        last = new IOException("results-service answered " + r.statusCode() + " for " + path);
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(500);
    }
    throw last;
  }
}
