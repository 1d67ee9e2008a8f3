package dev.earshot.ingest.recording;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes one recording's records in order: STARTED, its chunks with at most {@code maxInFlight}
 * unacknowledged at a time, then FINISHED, or FAILED as soon as anything goes wrong. Used from one
 * thread; acknowledgements arrive on Kafka's threads.
 */
final class Publication {

  private final Recording recording;
  private final ChunkPublisher publisher;
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
      IngestListener listener,
      int maxInFlight,
      Duration timeout) {
    this.recording = recording;
    this.publisher = publisher;
    this.listener = listener;
    this.maxInFlight = maxInFlight;
    this.timeout = timeout;
  }

  Recording recording() {
    return recording;
  }

  void start() throws IngestException {
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
   * Publishes FAILED after the chunks already sent were acknowledged or failed; a FAILED event that
   * cannot be published either is given up after the timeout.
   */
  void fail(Rejection rejection, String reason) {
    if (ended) {
      return;
    }
    ended = true;
    for (var pending : inFlight) {
      try {
        pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception alreadyRecorded) {
        // The chunk failure itself is what we are reporting.
      }
    }
    inFlight.clear();
    try {
      publisher
          .failed(recording, totals(), rejection, reason)
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // Kafka is the problem in this case; the caller reports the original failure.
    }
    listener.failed(recording, rejection, reason);
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
      throw new IngestException(
          Rejection.KAFKA_UNAVAILABLE,
          recording.id(),
          "Kafka did not acknowledge the "
              + what
              + " of recording "
              + recording.id()
              + " within "
              + timeout.toSeconds()
              + " s",
          e);
    }
  }

  private IngestException publishFailed(String what, Throwable cause) {
    return new IngestException(
        Rejection.PUBLISH_FAILED,
        recording.id(),
        "Kafka refused the " + what + " of recording " + recording.id() + ": " + cause.getMessage(),
        cause);
  }
}
