package dev.earshot.ingest.recording;

import java.util.concurrent.CompletionStage;

/**
 * Where recordings go: the Kafka adapter in production. Every stage completes once the broker
 * acknowledged the record (acks=all) or fails with the cause.
 */
public interface ChunkPublisher {

  CompletionStage<PublishReceipt> started(Recording recording);

  CompletionStage<PublishReceipt> chunk(Recording recording, EncodedChunk chunk);

  CompletionStage<PublishReceipt> finished(Recording recording, Totals totals);

  CompletionStage<PublishReceipt> failed(
      Recording recording, Totals totals, Rejection rejection, String reason);

  /** Chunks and audio seconds published so far for a recording. */
  record Totals(int chunks, double seconds) {}

  /**
   * The failure of a stage when the cluster could not be reached in time (brokers away, no leader):
   * sending again later may succeed, unlike a record the broker refused.
   */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
