package dev.earshot.ingest.openai;

import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.RecordingStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests waiting for their recording's result: registered before the audio is published, so a
 * result that comes quickly is not missed, and completed by the first result with a final status.
 */
public final class PendingResults {

  private final Map<String, CompletableFuture<RecordingResult>> waiting = new ConcurrentHashMap<>();

  /** Starts waiting for a recording; call {@link #forget} when done with it. */
  public CompletableFuture<RecordingResult> expect(String recordingId) {
    return waiting.computeIfAbsent(recordingId, id -> new CompletableFuture<>());
  }

  public void forget(String recordingId) {
    waiting.remove(recordingId);
  }

  /** Whether anyone waits for this recording: only then is its result worth parsing. */
  public boolean awaits(String recordingId) {
    return waiting.containsKey(recordingId);
  }

  /** A result from the results topic; PROCESSING ones are not final and wait on. */
  public void offer(RecordingResult result) {
    if (result.status() == RecordingStatus.PROCESSING) {
      return;
    }
    CompletableFuture<RecordingResult> future = waiting.get(result.recordingId());
    if (future != null) {
      future.complete(result);
    }
  }
}
