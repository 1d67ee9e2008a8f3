package dev.earshot.ingest.http;

import dev.earshot.access.Credentials;
import dev.earshot.access.KeyRing;
import dev.earshot.ingest.config.IngestConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The upload keys edge devices present: {@code Authorization: Bearer KEY} or {@code X-API-Key:
 * KEY}, or the {@code apiKey} query parameter where {@code ingest.http.allow-key-in-url} allows it.
 * Made at start-up, so a key shorter than 16 characters stops the service, naming the setting.
 */
@Startup
@ApplicationScoped
public class ApiKeys {

  public static final String HEADER = Credentials.API_KEY_HEADER;

  private static final Logger LOG = Logger.getLogger(ApiKeys.class);

  private final KeyRing keys;
  private final boolean allowKeyInUrl;

  @Inject
  public ApiKeys(IngestConfig config) {
    this(
        KeyRing.of("ingest.http.api-keys", config.http().apiKeys()), config.http().allowKeyInUrl());
  }

  ApiKeys(KeyRing keys, boolean allowKeyInUrl) {
    this.keys = keys;
    this.allowKeyInUrl = allowKeyInUrl;
    if (keys.isEmpty()) {
      LOG.warn("No ingest.http.api-keys configured: HTTP uploads and live streams answer 401");
    }
  }

  /**
   * Null when the request's key is accepted, otherwise why it is not.
   *
   * @param header a request header by name, or null
   * @param query a query parameter by name, or null
   */
  public String problemWith(Function<String, String> header, Function<String, String> query) {
    if (keys.isEmpty()) {
      return "HTTP ingest is disabled: no API keys are configured (ingest.http.api-keys)";
    }
    Optional<Credentials.Presented> presented = Credentials.of(header, query);
    if (presented.isEmpty()) {
      return "missing API key: send it in the Authorization: Bearer or the " + HEADER + " header";
    }
    if (presented.get().source() == Credentials.Source.QUERY && !allowKeyInUrl) {
      return "a key in the URL is refused: send it in the Authorization: Bearer or the "
          + HEADER
          + " header (or set ingest.http.allow-key-in-url=true)";
    }
    return keys.matches(presented.get().key()) ? null : "invalid API key";
  }

  /** The key the request presents, once {@link #problemWith} accepted it; null without one. */
  public String presentedKey(Function<String, String> header, Function<String, String> query) {
    return Credentials.of(header, query).map(Credentials.Presented::key).orElse(null);
  }
}
