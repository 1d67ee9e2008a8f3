package dev.earshot.ingest.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps what would be published, in order, and can refuse a chosen chunk or act out an outage
 * (chunks, FINISHED or the first few FAILED events fail as the producer fails when the cluster is
 * away): the failure cases of the ingest logic have no reliable real counterpart, since a shared
 * test broker cannot be made to fail one record.
 */
final class RecordedPublisher implements ChunkPublisher {

  /** One published record: an event type or "CHUNK". */
  record Published(
      String type,
      Recording recording,
      EncodedChunk chunk,
      Totals totals,
      Rejection rejection,
      String reason) {}

  final List<Published> published = new ArrayList<>();
  int failChunk = -1;
  boolean failStarted;

  /** From this chunk on, Kafka is away: chunks fail as an outage does. */
  int outageFromChunk = -1;

  /** FINISHED fails as in an outage. */
  boolean outageAtFinished;

  /** How many more FAILED events fail as in an outage before Kafka is back. */
  int failedRefusals;

  /** Every FAILED event sent, acknowledged or not, with the time it was sent. */
  final List<Long> failedSentAtNanos = new ArrayList<>();

  @Override
  public synchronized CompletionStage<PublishReceipt> started(Recording recording) {
    if (failStarted) {
      return CompletableFuture.failedFuture(new IllegalStateException("no broker"));
    }
    published.add(new Published("STARTED", recording, null, null, null, null));
    return ok();
  }

  @Override
  public synchronized CompletionStage<PublishReceipt> chunk(
      Recording recording, EncodedChunk chunk) {
    if (chunk.sequence() == failChunk) {
      return CompletableFuture.failedFuture(new IllegalStateException("broker said no"));
    }
    if (outageFromChunk >= 0 && chunk.sequence() >= outageFromChunk) {
      return outage();
    }
    published.add(new Published("CHUNK", recording, chunk, null, null, null));
    return ok();
  }

  @Override
  public synchronized CompletionStage<PublishReceipt> finished(Recording recording, Totals totals) {
    if (outageAtFinished) {
      return outage();
    }
    published.add(new Published("FINISHED", recording, null, totals, null, null));
    return ok();
  }

  @Override
  public synchronized CompletionStage<PublishReceipt> failed(
      Recording recording, Totals totals, Rejection rejection, String reason) {
    failedSentAtNanos.add(System.nanoTime());
    if (failedRefusals > 0) {
      failedRefusals--;
      return outage();
    }
    published.add(new Published("FAILED", recording, null, totals, rejection, reason));
    return ok();
  }

  synchronized List<String> types() {
    return published.stream().map(Published::type).toList();
  }

  synchronized List<EncodedChunk> chunks() {
    return published.stream().filter(p -> p.chunk() != null).map(Published::chunk).toList();
  }

  synchronized Published last() {
    return published.get(published.size() - 1);
  }

  synchronized long count(String type) {
    return types().stream().filter(type::equals).count();
  }

  synchronized int failedSends() {
    return failedSentAtNanos.size();
  }

  private static CompletionStage<PublishReceipt> outage() {
    return CompletableFuture.failedFuture(
        new ChunkPublisher.Unavailable("Expiring 1 record(s): 30000 ms has passed", null));
  }

  private static CompletionStage<PublishReceipt> ok() {
    return CompletableFuture.completedFuture(new PublishReceipt("memory", 0, 0));
  }
}
