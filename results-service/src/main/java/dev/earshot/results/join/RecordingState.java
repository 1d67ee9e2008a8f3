package dev.earshot.results.join;

import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.RecordingStatus;

/**
 * What the join knows of one recording, in the {@code recordings} store; also what queries read.
 * Mutable because the processor updates a few fields per record and writes it back at once.
 */
public final class RecordingState {
  public String recordingId;
  public String file;
  public String sourceKind;

  /** FINISHED or FAILED once ingest said the recording ended; null before. */
  public String end;

  public Integer chunkCount;
  public Double durationSeconds;
  public String reasonCode;
  public String reason;

  /** Wall-clock times (the stream thread's clock) of the first and latest record. */
  public long firstSeenMs;

  public long lastSeenMs;

  /** PROCESSING until a recording result was emitted, then the status emitted last. */
  public RecordingStatus status = RecordingStatus.PROCESSING;

  public String emittedSignature;

  /** The audio-chunk partition of the recording's chunks and the offset of the latest seen. */
  public int chunkPartition = -1;

  public long lastChunkOffset = -1;

  /**
   * When the join first saw the worker groups past the recording's latest chunk (0: not yet); the
   * timeout counts from then, not from the last record, while the workers were behind.
   */
  public long workersPastMs;

  /** The worker groups were still behind its chunks at the latest scan. */
  public boolean workersBehind;

  /** A replay changed some chunks' models and the new result waits until all of them changed. */
  public boolean pending;

  /** The latest recording result emitted; null while processing. */
  public RecordingResult result;

  public RecordingState() {}

  public static RecordingState open(String recordingId, long nowMs) {
    RecordingState s = new RecordingState();
    s.recordingId = recordingId;
    s.firstSeenMs = nowMs;
    s.lastSeenMs = nowMs;
    return s;
  }
}
