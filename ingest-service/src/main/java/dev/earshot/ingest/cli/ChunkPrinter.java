package dev.earshot.ingest.cli;

import dev.earshot.ingest.recording.EncodedChunk;
import dev.earshot.ingest.recording.IngestListener;
import dev.earshot.ingest.recording.PublishReceipt;
import dev.earshot.ingest.recording.Recording;
import java.io.PrintStream;

/** Prints each chunk once Kafka acknowledged it, with where it was stored. */
final class ChunkPrinter implements IngestListener {

  private final PrintStream out;

  ChunkPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void chunkPublished(
      Recording recording, EncodedChunk chunk, PublishReceipt receipt, long latencyNanos) {
    int rate = recording.sampleRate();
    double start = chunk.offsetSeconds(rate);
    out.printf(
        "  %s chunk %3d  %9.3f s - %9.3f s  (%6.3f s, %7d bytes)%s  -> %s partition %d offset %d%n",
        recording.id(),
        chunk.sequence(),
        start,
        start + chunk.durationSeconds(rate),
        chunk.durationSeconds(rate),
        chunk.payload().length,
        chunk.last() ? " last" : "     ",
        receipt.topic(),
        receipt.partition(),
        receipt.offset());
  }
}
