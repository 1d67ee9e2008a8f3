package dev.earshot.stt.model;

import dev.earshot.whisper.AudioWindow;
import dev.earshot.whisper.Transcriber;
import dev.earshot.whisper.Transcription;
import java.util.ArrayList;
import java.util.List;

/**
 * Transcribes audio chunks in batches: up to {@code batchSize} chunks share one encoder run. A
 * chunk that makes the model fail is reported alone, so it cannot take its batch down with it.
 */
public final class SpeechToText {

  private final Transcriber transcriber;
  private final int batchSize;

  public SpeechToText(Transcriber transcriber, int batchSize) {
    this.transcriber = transcriber;
    this.batchSize = batchSize;
  }

  public Transcriber transcriber() {
    return transcriber;
  }

  /** A chunk's place in its recording and its 16 kHz mono samples. */
  public record Chunk(String recordingId, int sequence, double offsetSeconds, float[] samples) {}

  /** A chunk's transcription, or why it could not be transcribed. */
  public record Result(Chunk chunk, Transcription transcription, Exception failure) {
    public boolean failed() {
      return failure != null;
    }
  }

  public List<Result> transcribe(List<Chunk> chunks) {
    List<Result> results = new ArrayList<>(chunks.size());
    for (int from = 0; from < chunks.size(); from += batchSize) {
      results.addAll(batch(chunks.subList(from, Math.min(chunks.size(), from + batchSize))));
    }
    return results;
  }

  private List<Result> batch(List<Chunk> chunks) {
    List<AudioWindow> windows =
        chunks.stream().map(c -> new AudioWindow(c.samples(), c.offsetSeconds())).toList();
    try {
      List<Transcription> transcriptions = transcriber.transcribe(windows);
      List<Result> results = new ArrayList<>(chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        results.add(new Result(chunks.get(i), transcriptions.get(i), null));
      }
      return results;
    } catch (RuntimeException batchFailure) {
      if (chunks.size() == 1) {
        return List.of(new Result(chunks.get(0), null, batchFailure));
      }
      // Find the culprit: one at a time, so the others still get their transcripts.
      List<Result> results = new ArrayList<>(chunks.size());
      for (Chunk chunk : chunks) {
        results.addAll(batch(List.of(chunk)));
      }
      return results;
    }
  }
}
