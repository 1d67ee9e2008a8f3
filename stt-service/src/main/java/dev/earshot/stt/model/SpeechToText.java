package dev.earshot.stt.model;

import dev.earshot.whisper.AudioWindow;
import dev.earshot.whisper.Transcriber;
import dev.earshot.whisper.Transcription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Transcribes audio chunks in batches: up to {@code batchSize} chunks share one encoder run, and
 * the next batch is encoded on another core while the current one is decoded (decoding is a long
 * series of small steps that keep one core busy). A chunk that makes the model fail is reported
 * alone, so it cannot take its batch down with it.
 */
public final class SpeechToText {

  private final Transcriber transcriber;
  private final int batchSize;
  private final ExecutorService encoder =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "whisper-encoder");
            thread.setDaemon(true);
            return thread;
          });

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
    List<List<Chunk>> batches = new ArrayList<>();
    for (int from = 0; from < chunks.size(); from += batchSize) {
      batches.add(chunks.subList(from, Math.min(chunks.size(), from + batchSize)));
    }
    List<Result> results = new ArrayList<>(chunks.size());
    Future<Transcriber.Encoded> next = batches.isEmpty() ? null : encodeLater(batches.get(0));
    for (int k = 0; k < batches.size(); k++) {
      Future<Transcriber.Encoded> current = next;
      next = k + 1 < batches.size() ? encodeLater(batches.get(k + 1)) : null;
      results.addAll(decode(batches.get(k), current));
    }
    return results;
  }

  private Future<Transcriber.Encoded> encodeLater(List<Chunk> chunks) {
    return encoder.submit(() -> transcriber.encode(windows(chunks)));
  }

  private List<Result> decode(List<Chunk> chunks, Future<Transcriber.Encoded> encoded) {
    try {
      List<Transcription> transcriptions = transcriber.decode(encoded.get());
      List<Result> results = new ArrayList<>(chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        remember(chunks.get(i), transcriptions.get(i));
        results.add(new Result(chunks.get(i), transcriptions.get(i), null));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while transcribing", e);
    } catch (ExecutionException | RuntimeException failure) {
      // Redo the batch chunk by chunk so only the chunk at fault fails.
      return batch(chunks);
    }
  }

  private List<AudioWindow> windows(List<Chunk> chunks) {
    return chunks.stream()
        .map(
            c ->
                new AudioWindow(
                    c.samples(), c.offsetSeconds(), recordingLanguages.get(c.recordingId())))
        .toList();
  }

  /**
   * The language of each recent recording, from its chunks whose detection was sure: a later short
   * chunk of the same recording that is unsure on its own takes it. Chunks of a recording share a
   * partition, so one worker sees them all; the oldest recordings are forgotten first.
   */
  private final Map<String, String> recordingLanguages =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > 10_000;
            }
          });

  private void remember(Chunk chunk, Transcription t) {
    double sure = transcriber.options().guards().languageThreshold();
    if (t != null
        && !t.silent()
        && t.language() != null
        && t.languageProbability() != null
        && t.languageProbability() >= sure) {
      recordingLanguages.put(chunk.recordingId(), t.language());
    }
  }

  private List<Result> batch(List<Chunk> chunks) {
    try {
      List<Transcription> transcriptions = transcriber.transcribe(windows(chunks));
      List<Result> results = new ArrayList<>(chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        remember(chunks.get(i), transcriptions.get(i));
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
