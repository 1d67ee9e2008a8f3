package dev.earshot.ingest.recording;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes one recording's records in order: STARTED, its chunks with at most {@code maxInFlight}
 * unacknowledged at a time, then FINISHED, or FAILED as soon as anything goes wrong. A FAILED event
 * Kafka does not acknowledge in time goes to the {@link EventOutbox}, which sends it once Kafka is
 * back. Used from one thread; acknowledgements arrive on Kafka's threads.
 */
final class Publication {

  private final Recording recording;
  private final ChunkPublisher publisher;
  private final EventOutbox outbox;
  private final IngestListener listener;
  private final int maxInFlight;
  private final Duration timeout;

  private final ArrayDeque<CompletableFuture<PublishReceipt>> inFlight = new ArrayDeque<>();
  private final AtomicInteger ackedChunks = new AtomicInteger();
  private final AtomicLong ackedSamples = new AtomicLong();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
  private boolean ended;

  Publication(
      Recording recording,
      ChunkPublisher publisher,
      EventOutbox outbox,
      IngestListener listener,
      int maxInFlight,
      Duration timeout) {
    this.recording = recording;
    this.publisher = publisher;
    this.outbox = outbox;
    this.listener = listener;
    this.maxInFlight = maxInFlight;
    this.timeout = timeout;
  }

  Recording recording() {
    return recording;
  }

  void start() throws IngestException {
    // This attempt ends with a terminal event of its own; an earlier attempt's must not follow it.
    outbox.supersede(recording.id());
    await(publisher.started(recording), "STARTED event");
  }

  void chunk(EncodedChunk chunk) throws IngestException {
    throwIfFailed();
    long sentAt = System.nanoTime();
    CompletableFuture<PublishReceipt> ack;
    try {
      ack = publisher.chunk(recording, chunk).toCompletableFuture();
    } catch (RuntimeException e) {
      ack = CompletableFuture.failedFuture(e);
    }
    // Waiting on the dependent stage keeps listener calls ordered before FINISHED.
    CompletableFuture<PublishReceipt> observed =
        ack.whenComplete(
            (receipt, error) -> {
              if (error != null) {
                firstFailure.compareAndSet(null, error);
              } else {
                ackedChunks.incrementAndGet();
                ackedSamples.addAndGet(chunk.sampleCount());
                listener.chunkPublished(recording, chunk, receipt, System.nanoTime() - sentAt);
              }
            });
    inFlight.add(observed);
    while (inFlight.size() > maxInFlight) {
      await(inFlight.poll(), "chunk");
    }
  }

  /** Waits for every chunk, then publishes FINISHED. */
  ChunkPublisher.Totals finish() throws IngestException {
    while (!inFlight.isEmpty()) {
      await(inFlight.poll(), "chunk");
    }
    throwIfFailed();
    ChunkPublisher.Totals totals = totals();
    await(publisher.finished(recording, totals), "FINISHED event");
    ended = true;
    listener.finished(recording, totals);
    return totals;
  }

  /**
   * Publishes FAILED after the chunks already sent were acknowledged or failed (waiting at most the
   * timeout for all of them); a FAILED event Kafka does not acknowledge within the timeout is left
   * to the outbox.
   *
   * @return whether Kafka acknowledged the FAILED event (or the recording had ended already); false
   *     when it waits in the outbox for Kafka to come back
   */
  boolean fail(Rejection rejection, String reason) {
    if (ended) {
      return true;
    }
    ended = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    for (var pending : inFlight) {
      try {
        pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception alreadyRecorded) {
        // The chunk failure itself is what we are reporting.
      }
    }
    inFlight.clear();
    ChunkPublisher.Totals totals = totals();
    CompletableFuture<PublishReceipt> sent;
    try {
      sent = publisher.failed(recording, totals, rejection, reason).toCompletableFuture();
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    boolean delivered = false;
    try {
      sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      delivered = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // Kafka is away: the outbox sends it again once Kafka is back.
    }
    if (!delivered) {
      outbox.hold(new EventOutbox.Failure(recording, totals, rejection, reason), sent);
    }
    listener.failed(recording, rejection, reason);
    return delivered;
  }

  boolean isEnded() {
    return ended;
  }

  ChunkPublisher.Totals totals() {
    return new ChunkPublisher.Totals(
        ackedChunks.get(), ackedSamples.get() / (double) recording.sampleRate());
  }

  private void throwIfFailed() throws IngestException {
    Throwable failure = firstFailure.get();
    if (failure != null) {
      throw publishFailed("chunk", failure);
    }
  }

  private PublishReceipt await(CompletionStage<PublishReceipt> stage, String what)
      throws IngestException {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException(
          Rejection.PUBLISH_FAILED, recording.id(), "interrupted while publishing " + what, e);
    } catch (ExecutionException e) {
      firstFailure.compareAndSet(null, e.getCause());
      throw publishFailed(what, e.getCause());
    } catch (TimeoutException e) {
      throw unacknowledged(what, " within " + timeout.toSeconds() + " s", e);
    }
  }

  private IngestException unacknowledged(String what, String detail, Throwable cause) {
    return new IngestException(
        Rejection.KAFKA_UNAVAILABLE,
        recording.id(),
        "Kafka did not acknowledge the " + what + " of recording " + recording.id() + detail,
        cause);
  }

  private IngestException publishFailed(String what, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ChunkPublisher.Unavailable) {
      // The producer gave up waiting for the cluster: an outage, not a refusal of the record.
      return unacknowledged(what, ": " + cause.getMessage(), cause);
    }
    return new IngestException(
        Rejection.PUBLISH_FAILED,
        recording.id(),
        "Kafka refused the " + what + " of recording " + recording.id() + ": " + cause.getMessage(),
        cause);
  }
}
