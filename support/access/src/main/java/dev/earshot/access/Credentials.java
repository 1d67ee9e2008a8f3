package dev.earshot.access;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a request carries its key: {@code Authorization: Bearer KEY} (what OpenAI's clients and
 * most HTTP tools send), {@code X-API-Key: KEY}, or, only where the operator allows it, the {@code
 * apiKey} query parameter. A key in a URL ends up in proxy logs, browser history and referrers, so
 * it is refused unless allowed (for clients that cannot set headers, such as a browser's
 * WebSocket).
 */
public final class Credentials {

  public static final String AUTHORIZATION = "Authorization";
  public static final String API_KEY_HEADER = "X-API-Key";
  public static final String QUERY_PARAMETER = "apiKey";

  private static final String BEARER = "bearer ";

  private Credentials() {}

  /** What the request presented, and where. */
  public record Presented(String key, Source source) {}

  public enum Source {
    AUTHORIZATION_HEADER,
    API_KEY_HEADER,
    QUERY
  }

  /**
   * The key a request presents, from its headers first.
   *
   * @param header a request header by name, or null
   * @param query a query parameter by name, or null
   */
  public static Optional<Presented> of(
      Function<String, String> header, Function<String, String> query) {
    String authorization = header.apply(AUTHORIZATION);
    if (authorization != null
        && authorization.length() > BEARER.length()
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(
          new Presented(
              authorization.substring(BEARER.length()).strip(), Source.AUTHORIZATION_HEADER));
    }
    String apiKey = header.apply(API_KEY_HEADER);
    if (apiKey != null && !apiKey.isBlank()) {
      return Optional.of(new Presented(apiKey.strip(), Source.API_KEY_HEADER));
    }
    String inUrl = query.apply(QUERY_PARAMETER);
    if (inUrl != null && !inUrl.isBlank()) {
      return Optional.of(new Presented(inUrl.strip(), Source.QUERY));
    }
    return Optional.empty();
  }
}
