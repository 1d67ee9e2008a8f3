package dev.earshot.ingest.recording;

/** Observes ingestion for metrics and console output; every method may be called concurrently. */
public interface IngestListener {

  /** Input bytes of a file, upload or stream were read. */
  default void bytesRead(Origin origin, long bytes) {}

  default void chunkPublished(
      Recording recording, EncodedChunk chunk, PublishReceipt receipt, long latencyNanos) {}

  default void finished(Recording recording, ChunkPublisher.Totals totals) {}

  /** A recording ended FAILED (possibly before any chunk was published). */
  default void failed(Recording recording, Rejection rejection, String message) {}

  /** A request was refused before a recording existed (bad API key, too large, Kafka down). */
  default void refused(Origin origin, Rejection rejection) {}

  IngestListener NONE = new IngestListener() {};

  static IngestListener both(IngestListener a, IngestListener b) {
    return new IngestListener() {
      @Override
      public void bytesRead(Origin origin, long bytes) {
        a.bytesRead(origin, bytes);
        b.bytesRead(origin, bytes);
      }

      @Override
      public void chunkPublished(
          Recording recording, EncodedChunk chunk, PublishReceipt receipt, long latencyNanos) {
        a.chunkPublished(recording, chunk, receipt, latencyNanos);
        b.chunkPublished(recording, chunk, receipt, latencyNanos);
      }

      @Override
      public void finished(Recording recording, ChunkPublisher.Totals totals) {
        a.finished(recording, totals);
        b.finished(recording, totals);
      }

      @Override
      public void failed(Recording recording, Rejection rejection, String message) {
        a.failed(recording, rejection, message);
        b.failed(recording, rejection, message);
      }

      @Override
      public void refused(Origin origin, Rejection rejection) {
        a.refused(origin, rejection);
        b.refused(origin, rejection);
      }
    };
  }
}
