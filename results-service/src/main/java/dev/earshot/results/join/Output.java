package dev.earshot.results.join;

import dev.earshot.schema.result.ChunkResult;
import dev.earshot.schema.result.RecordingResult;

/** What the join emits; the topology routes each kind to its topic. */
public sealed interface Output {

  record ChunkOut(ChunkResult result) implements Output {}

  record RecordingOut(RecordingResult result) implements Output {}

  /** The input record's bytes, unchanged; the reason travels in the record's headers. */
  record DeadLetter(byte[] value) implements Output {}
}
