package dev.earshot.assets;

import java.time.Duration;
import java.util.Objects;

/**
 * How the cache downloads.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection; short, so that an unreachable
 *     host fails fast and the next source is tried
 * @param responseTimeout how long to wait for the response headers of a request
 * @param stallTimeout how long a download may go without receiving a byte; there is no limit on the
 *     total time, so big files on slow links still arrive
 */
public record FetchSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    Duration stallTimeout,
    ProgressListener listener) {

  public FetchSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(responseTimeout, "responseTimeout");
    requirePositive(stallTimeout, "stallTimeout");
    Objects.requireNonNull(listener, "listener");
  }

  public static FetchSettings defaults() {
    return new FetchSettings(
        Duration.ofSeconds(5), // an unreachable host costs at most this
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        ProgressListener.SILENT);
  }

  public FetchSettings withListener(ProgressListener value) {
    return new FetchSettings(connectTimeout, responseTimeout, stallTimeout, value);
  }

  public FetchSettings withTimeouts(Duration connect, Duration response, Duration stall) {
    return new FetchSettings(connect, response, stall, listener);
  }

  private static void requirePositive(Duration value, String what) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
  }
}
