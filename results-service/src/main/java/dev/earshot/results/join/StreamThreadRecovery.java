package dev.earshot.results.join;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * What a stream thread's uncaught failure does. Kafka Streams' default shuts the whole client down
 * for good: a broker that stayed away past the producer's 60 s left the join in state ERROR, every
 * query answered 500 until someone restarted the service (InterruptedUploadFaultIT, broker away 60
 * s mid-upload). Such failures clear up once the broker is back, so the thread is replaced: a new
 * producer and consumer, its tasks recovered from their changelogs, exactly once kept. A failure
 * that keeps coming (more than {@code maxReplacements} within {@code window}) is not retried for
 * ever: the client shuts down, readiness fails and the process is restarted.
 */
public final class StreamThreadRecovery implements StreamsUncaughtExceptionHandler {

  private static final Logger LOG = Logger.getLogger(StreamThreadRecovery.class);

  private final int maxReplacements;
  private final Duration window;
  private final Clock clock;
  private final Deque<Instant> recent = new ArrayDeque<>();

  public StreamThreadRecovery(int maxReplacements, Duration window, Clock clock) {
    if (maxReplacements < 0) {
      throw new IllegalArgumentException(
          "results.max-thread-replacements must not be negative, got " + maxReplacements);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "results.thread-replacement-window must be positive, got " + window);
    }
    this.maxReplacements = maxReplacements;
    this.window = window;
    this.clock = clock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
    Instant now = clock.instant();
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
      recent.pollFirst();
    }
    if (recent.size() >= maxReplacements) {
      LOG.errorf(
          failure,
          "a stream thread failed for the %d. time within %s; shutting the join down: %s",
          recent.size() + 1,
          window,
          failure.getMessage());
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    recent.addLast(now);
    LOG.warnf(
        "a stream thread failed (%s); replacing it (%d of %d within %s)",
        failure.getMessage(), recent.size(), maxReplacements, window);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
