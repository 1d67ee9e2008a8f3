package dev.earshot.results.join;

import dev.earshot.schema.result.RecordingResult;

/** Told what the join did, for metrics; keeps the processor free of Micrometer. */
public interface JoinListener {

  JoinListener NONE = new JoinListener() {};

  default void chunkJoined() {}

  default void duplicate() {}

  default void deadLetter(String reason, Throwable cause) {}

  /**
   * @param sinceFirstSeenMs wall-clock time from the recording's first record to its result
   */
  default void recordingEmitted(RecordingResult result, long sinceFirstSeenMs) {}
}
