package dev.earshot.ingest.recording;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * FAILED events that Kafka did not acknowledge in time, sent again until it does: with backoff from
 * {@code firstBackoff}, doubling up to {@code maxBackoff}, for as long as the process lives.
 * Without it a recording cut off by a Kafka outage never learns it failed, and results-service
 * reports it INCOMPLETE after its timeout instead of FAILED with the reason.
 *
 * <p>One event per recording: a new attempt at the recording (an upload retried with its
 * Idempotency-Key) {@linkplain #supersede supersedes} it, since that attempt ends with its own
 * terminal event. An event sent before is still ahead of the new STARTED on the same producer and
 * partition, so the join sees FAILED, then the new attempt.
 *
 * <p>Held in memory only: events still pending when the service stops are logged and lost.
 */
public final class EventOutbox implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EventOutbox.class);

  /** Backoff between sends. */
  public record Settings(Duration firstBackoff, Duration maxBackoff) {
    public Settings {
      requirePositive(firstBackoff, "ingest.publish.resend-backoff");
      requirePositive(maxBackoff, "ingest.publish.resend-max-backoff");
      if (maxBackoff.compareTo(firstBackoff) < 0) {
        throw new IllegalArgumentException(
            "ingest.publish.resend-max-backoff ("
                + maxBackoff
                + ") must not be shorter than ingest.publish.resend-backoff ("
                + firstBackoff
                + ")");
      }
    }

    private static void requirePositive(Duration value, String property) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(property + " must be positive, got " + value);
      }
    }
  }

  /**
   * How long a send may go unanswered before it is sent again anyway. The producer answers every
   * send within its delivery timeout, so this only guards against a send that is never answered;
   * sooner, an outage would queue copies of the event in the producer.
   */
  static final Duration UNANSWERED = Duration.ofMinutes(10);

  /** What a FAILED event says; sent again with a fresh timestamp each time. */
  public record Failure(
      Recording recording, ChunkPublisher.Totals totals, Rejection rejection, String reason) {}

  private final ChunkPublisher publisher;
  private final Settings settings;
  private final ScheduledExecutorService timer;
  private final Map<String, Entry> pending = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public EventOutbox(ChunkPublisher publisher, Settings settings) {
    this.publisher = publisher;
    this.settings = settings;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "earshot-event-outbox");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Keeps a FAILED event that Kafka did not acknowledge in time until it does.
   *
   * @param inFlight the send that was not acknowledged in time, which the producer may still
   *     deliver: like every send it is waited for before the event is sent again, so an outage does
   *     not queue copies of it
   */
  public void hold(Failure failure, CompletionStage<?> inFlight) {
    if (closed) {
      LOG.warnf(
          "FAILED event of recording %s is lost: the service is stopping",
          failure.recording().id());
      return;
    }
    var entry = new Entry(failure, System.nanoTime());
    Entry replaced = pending.put(failure.recording().id(), entry);
    if (replaced != null) {
      replaced.cancelled = true;
    }
    LOG.warnf(
        "FAILED event of recording %s is not acknowledged by Kafka; sending it again until it is"
            + " (%d pending)",
        failure.recording().id(), pending.size());
    watch(entry, inFlight.toCompletableFuture());
  }

  /**
   * Stops sending the recording's pending event: a new attempt at it ends with its own.
   *
   * @return whether an event was pending
   */
  public boolean supersede(String recordingId) {
    Entry entry = pending.remove(recordingId);
    if (entry == null) {
      return false;
    }
    entry.cancelled = true;
    LOG.infof(
        "FAILED event of recording %s is superseded by a new attempt at the recording",
        recordingId);
    return true;
  }

  /** Events waiting for Kafka. */
  public int size() {
    return pending.size();
  }

  public boolean isPending(String recordingId) {
    return pending.containsKey(recordingId);
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    List<String> lost = List.copyOf(pending.keySet());
    if (!lost.isEmpty()) {
      LOG.warnf(
          "Stopping with %d FAILED event(s) Kafka never acknowledged; results-service will report"
              + " these recordings INCOMPLETE after its timeout: %s",
          lost.size(), lost);
    }
  }

  private void watch(Entry entry, CompletableFuture<?> attempt) {
    attempt
        .copy()
        .orTimeout(UNANSWERED.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (ok, error) -> {
              if (entry.cancelled || closed) {
                return;
              }
              if (error == null) {
                delivered(entry);
              } else {
                schedule(entry);
              }
            });
  }

  private void delivered(Entry entry) {
    String id = entry.failure.recording().id();
    if (pending.remove(id, entry)) {
      LOG.infof(
          "FAILED event of recording %s delivered to Kafka after %d resend(s), %.1f s late (%d"
              + " pending)",
          id, entry.resends, (System.nanoTime() - entry.since) / 1e9, pending.size());
    }
  }

  private void schedule(Entry entry) {
    long delay = entry.backoff.toMillis();
    entry.backoff = min(entry.backoff.multipliedBy(2), settings.maxBackoff());
    try {
      timer.schedule(() -> resend(entry), delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // close() reports what is left.
    }
  }

  private void resend(Entry entry) {
    if (entry.cancelled || closed) {
      return;
    }
    entry.resends++;
    LOG.debugf(
        "Sending the FAILED event of recording %s again (%d)",
        entry.failure.recording().id(), entry.resends);
    Failure f = entry.failure;
    CompletableFuture<?> attempt;
    try {
      attempt =
          publisher
              .failed(f.recording(), f.totals(), f.rejection(), f.reason())
              .toCompletableFuture();
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    watch(entry, attempt);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private final class Entry {
    final Failure failure;
    final long since;
    volatile boolean cancelled;
    volatile Duration backoff = settings.firstBackoff();
    volatile int resends;

    Entry(Failure failure, long since) {
      this.failure = failure;
      this.since = since;
    }
  }
}
