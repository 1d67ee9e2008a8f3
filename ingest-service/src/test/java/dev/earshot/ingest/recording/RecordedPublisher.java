package dev.earshot.ingest.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps what would be published, in order, and can refuse a chosen chunk: the failure cases of the
 * ingest logic have no reliable real counterpart, since a shared test broker cannot be made to fail
 * one record.
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
    published.add(new Published("CHUNK", recording, chunk, null, null, null));
    return ok();
  }

  @Override
  public synchronized CompletionStage<PublishReceipt> finished(Recording recording, Totals totals) {
    published.add(new Published("FINISHED", recording, null, totals, null, null));
    return ok();
  }

  @Override
  public synchronized CompletionStage<PublishReceipt> failed(
      Recording recording, Totals totals, Rejection rejection, String reason) {
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

  private static CompletionStage<PublishReceipt> ok() {
    return CompletableFuture.completedFuture(new PublishReceipt("memory", 0, 0));
  }
}
