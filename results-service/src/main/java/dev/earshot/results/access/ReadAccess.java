package dev.earshot.results.access;

import dev.earshot.access.Credentials;
import dev.earshot.access.KeyRing;
import dev.earshot.results.config.ResultsConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request to results-service is: a reader (a read key, or a dashboard session made with one),
 * another instance (the instance key), or nobody. Plain logic, so it is tested without Quarkus;
 * {@link KeyAuthentication} adapts it to Quarkus security.
 *
 * <p>A dashboard session is a cookie {@code EXPIRY.SIGNATURE}: the expiry in epoch seconds and an
 * HMAC-SHA256 of it under the read key that logged in. Any instance with the same keys accepts it,
 * removing the key ends its sessions, and the key itself never sits in the browser.
 */
public final class ReadAccess {

  /** Role of whoever may read results. */
  public static final String READ = "read";

  /** Role of another results-service instance asking for its share of a query. */
  public static final String INTERNAL = "internal";

  private static final String SESSION_PURPOSE = "earshot-dashboard-session\n";

  private final KeyRing readKeys;
  private final KeyRing internalKey;
  private final boolean allowKeyInUrl;
  private final Duration sessionLength;

  /**
   * @throws IllegalArgumentException when a key is too short, naming its setting
   */
  public ReadAccess(
      KeyRing readKeys, KeyRing internalKey, boolean allowKeyInUrl, Duration sessionLength) {
    if (sessionLength.isNegative() || sessionLength.isZero()) {
      throw new IllegalArgumentException(
          "results.http.session-length must be positive: " + sessionLength);
    }
    this.readKeys = readKeys;
    this.internalKey = internalKey;
    this.allowKeyInUrl = allowKeyInUrl;
    this.sessionLength = sessionLength;
  }

  public static ReadAccess of(ResultsConfig.Http http) {
    return new ReadAccess(
        KeyRing.of("results.http.read-keys", http.readKeys()),
        KeyRing.of("results.http.internal-key", http.internalKey().map(java.util.List::of)),
        http.allowKeyInUrl(),
        http.sessionLength());
  }

  /** Whether any read key is configured: without one, every read answers 401. */
  public boolean readable() {
    return !readKeys.isEmpty();
  }

  /** The outcome of looking at a request's credentials. */
  public sealed interface Verdict {
    /** No credential at all: anonymous, refused wherever a role is needed. */
    record Anonymous() implements Verdict {}

    /** A credential that grants {@code roles}. */
    record Granted(String who, Set<String> roles) implements Verdict {}

    /** A credential that is refused, and why (never echoing it). */
    record Refused(String reason) implements Verdict {}
  }

  /**
   * @param presented the key in the request's headers or query, if any
   * @param session the dashboard session cookie, if any
   */
  public Verdict judge(
      Optional<Credentials.Presented> presented, Optional<String> session, Instant now) {
    if (presented.isPresent()) {
      Credentials.Presented p = presented.get();
      if (p.source() == Credentials.Source.QUERY && !allowKeyInUrl) {
        return new Verdict.Refused(
            "a key in the URL is refused (send it in the Authorization: Bearer or X-API-Key"
                + " header, or set results.http.allow-key-in-url=true)");
      }
      if (readKeys.matches(p.key())) {
        return new Verdict.Granted("reader", Set.of(READ));
      }
      if (internalKey.matches(p.key())) {
        return new Verdict.Granted("instance", Set.of(INTERNAL));
      }
      return new Verdict.Refused("invalid key");
    }
    // A stale session (expired, or its key removed) is no credential: the dashboard then shows
    // its login page rather than a bare refusal.
    if (session.isPresent() && validSession(session.get(), now)) {
      return new Verdict.Granted("dashboard", Set.of(READ));
    }
    return new Verdict.Anonymous();
  }

  /** Whether {@code key} may log in to the dashboard: a read key. */
  public boolean canLogIn(String key) {
    return readKeys.matches(key);
  }

  /** A session cookie's value for a reader who presented {@code key}, valid until now + length. */
  public String session(String key, Instant now) {
    String expiry = Long.toString(now.plus(sessionLength).getEpochSecond());
    byte[] signature = KeyRing.sign(key, SESSION_PURPOSE + expiry);
    return expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  public Duration sessionLength() {
    return sessionLength;
  }

  private boolean validSession(String value, Instant now) {
    int dot = value.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long expiry;
    byte[] signature;
    try {
      expiry = Long.parseLong(value.substring(0, dot));
      signature =
          Base64.getUrlDecoder()
              .decode(value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return now.getEpochSecond() < expiry
        && readKeys.signedByAny(SESSION_PURPOSE + value.substring(0, dot), signature);
  }
}
