package dev.earshot.schema.result;

/** Where a recording stands in the join. */
public enum RecordingStatus {
  /** Chunks are still being joined; only seen in queries, never on the results topic. */
  PROCESSING,
  /** Every chunk of a finished recording has its transcript and every expected verdict. */
  COMPLETE,
  /** Nothing arrived for the configured timeout while chunks or the end were still missing. */
  INCOMPLETE,
  /** Ingest gave up on the recording (corrupt or truncated input, publish failure). */
  FAILED
}
