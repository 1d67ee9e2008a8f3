package dev.earshot.stt.service;

import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.ModelRef;
import dev.earshot.schema.Transcript;
import dev.earshot.stt.metrics.SttMetrics;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.stt.model.SpeechToText;
import dev.earshot.worker.ChunkWorker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
    List<SpeechToText.Chunk> speech = new ArrayList<>();
    for (ChunkWorker.Chunk c : chunks) {
      AudioChunk r = c.record();
      speech.add(
          new SpeechToText.Chunk(
              r.getRecordingId(), r.getSequence(), r.getOffsetSeconds(), c.samples()));
    }
    var model = new ModelRef(loaded.model().id(), loaded.model().version());
    var options = loaded.speechToText().transcriber().options();
    List<SpeechToText.Result> results = loaded.speechToText().transcribe(speech);
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
                      loaded.decoding(),
                      clock.instant()))));
    }
    return outcomes;
  }
}
