package dev.earshot.stt.service;

import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.ModelRef;
import dev.earshot.schema.Transcript;
import dev.earshot.stt.metrics.SttMetrics;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.stt.model.SpeechToText;
import dev.earshot.stt.model.Wishes;
import dev.earshot.worker.ChunkWorker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** stt-service's part of the chunk worker: Whisper over a batch, one transcript per chunk. */
final class Transcribing implements ChunkWorker.Handler<LoadedModel, Transcript> {

  /** Whisper's window: longer chunks go to the dead-letter topic. */
  static final double MAX_CHUNK_SECONDS = 30.0;

  private final SttMetrics metrics;
  private final Clock clock;

  Transcribing(SttMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public List<ChunkWorker.Outcome<Transcript>> handle(
      LoadedModel loaded, List<ChunkWorker.Chunk> chunks) {
    // Chunks whose uploaders asked the same of their transcripts are transcribed together.
    Map<Wishes, List<Integer>> byWishes = new LinkedHashMap<>();
    for (int i = 0; i < chunks.size(); i++) {
      byWishes
          .computeIfAbsent(Wishes.of(chunks.get(i).record().getRequest()), w -> new ArrayList<>())
          .add(i);
    }
    List<ChunkWorker.Outcome<Transcript>> outcomes = new ArrayList<>(chunks.size());
    chunks.forEach(c -> outcomes.add(null));
    byWishes.forEach(
        (wishes, indices) -> {
          List<ChunkWorker.Chunk> group = indices.stream().map(chunks::get).toList();
          List<ChunkWorker.Outcome<Transcript>> done = handle(loaded, wishes, group);
          for (int k = 0; k < indices.size(); k++) {
            outcomes.set(indices.get(k), done.get(k));
          }
        });
    return outcomes;
  }

  private List<ChunkWorker.Outcome<Transcript>> handle(
      LoadedModel loaded, Wishes wishes, List<ChunkWorker.Chunk> chunks) {
    SpeechToText speechToText;
    try {
      speechToText = loaded.speechToText(wishes);
    } catch (IllegalArgumentException e) {
      return chunks.stream()
          .map(
              c ->
                  ChunkWorker.Outcome.<Transcript>failed(
                      "the chunk's transcription request cannot be met: " + e.getMessage(), e))
          .toList();
    }
    List<SpeechToText.Chunk> speech = new ArrayList<>();
    for (ChunkWorker.Chunk c : chunks) {
      AudioChunk r = c.record();
      speech.add(
          new SpeechToText.Chunk(
              r.getRecordingId(), r.getSequence(), r.getOffsetSeconds(), c.samples()));
    }
    var model = new ModelRef(loaded.model().id(), loaded.model().version());
    var options = speechToText.transcriber().options();
    String decoding = loaded.decoding(wishes);
    List<SpeechToText.Result> results = speechToText.transcribe(speech);
    List<ChunkWorker.Outcome<Transcript>> outcomes = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SpeechToText.Result result = results.get(i);
      if (result.failed()) {
        outcomes.add(
            ChunkWorker.Outcome.failed(
                "transcription failed: " + result.failure().getMessage(), result.failure()));
        continue;
      }
      metrics.transcribed(result.transcription());
      AudioChunk source = chunks.get(i).record();
      outcomes.add(
          ChunkWorker.Outcome.of(
              List.of(
                  TranscriptMapping.toAvro(
                      source.getRecordingId(),
                      source.getSequence(),
                      source.getOffsetSeconds(),
                      source.getDurationSeconds(),
                      source.getLast(),
                      result.transcription(),
                      options,
                      model,
                      decoding,
                      clock.instant()))));
    }
    return outcomes;
  }
}
