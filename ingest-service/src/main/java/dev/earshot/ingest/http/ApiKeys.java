package dev.earshot.ingest.http;

import dev.earshot.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.logging.Logger;

/** The API keys edge devices present in the X-API-Key header (or apiKey query on WebSockets). */
@ApplicationScoped
public class ApiKeys {

  public static final String HEADER = "X-API-Key";

  private static final Logger LOG = Logger.getLogger(ApiKeys.class);

  private final List<byte[]> keys;

  public ApiKeys(IngestConfig config) {
    this.keys =
        config.http().apiKeys().orElse(List.of()).stream()
            .map(String::strip)
            .filter(k -> !k.isEmpty())
            .map(k -> k.getBytes(StandardCharsets.UTF_8))
            .toList();
    if (keys.isEmpty()) {
      LOG.warn("No ingest.http.api-keys configured: HTTP uploads and live streams answer 401");
    }
  }

  /** Null when the key is accepted, otherwise why it is not. */
  public String problemWith(String presented) {
    if (keys.isEmpty()) {
      return "HTTP ingest is disabled: no API keys are configured (ingest.http.api-keys)";
    }
    if (presented == null || presented.isBlank()) {
      return "missing API key: send it in the " + HEADER + " header";
    }
    byte[] candidate = presented.strip().getBytes(StandardCharsets.UTF_8);
    for (byte[] key : keys) {
      // Constant-time comparison so response timing does not reveal key prefixes.
      if (MessageDigest.isEqual(key, candidate)) {
        return null;
      }
    }
    return "invalid API key";
  }
}
