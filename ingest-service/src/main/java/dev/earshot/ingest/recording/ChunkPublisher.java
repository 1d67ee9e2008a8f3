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
}
