package dev.earshot.results.join;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.results.picture.SpectrogramSketch;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.Classification;
import dev.earshot.schema.RecordingEvent;
import dev.earshot.schema.Transcript;
import dev.earshot.schema.result.ModelInfo;
import dev.earshot.schema.result.Segment;
import dev.earshot.schema.result.Word;
import dev.earshot.schema.serde.AvroDeserializer;
import dev.earshot.worker.ChunkAudio;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Turns an input record's bytes into the part the join keeps, or says why it cannot. */
public final class PartDecoder {

  /** Chunks are at most 30 s; anything far longer is not a chunk ingest made. */
  private static final double MAX_CHUNK_SECONDS = 60;

  private final AvroDeserializer avro = new AvroDeserializer();

  /** A record the join cannot use; the message is the dead-letter reason. */
  public static final class UnusableRecordException extends Exception {
    public UnusableRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public Part decode(Input input) throws UnusableRecordException {
    if (input.value() == null) {
      throw new UnusableRecordException("record has no value", null);
    }
    SpecificRecord record;
    try {
      record = avro.deserialize(null, input.value());
    } catch (RuntimeException e) {
      throw new UnusableRecordException(e.getMessage(), e);
    }
    return switch (input.kind()) {
      case TRANSCRIPT -> transcript(as(record, Transcript.class));
      case CLASSIFICATION -> classification(as(record, Classification.class));
      case EVENT -> event(as(record, RecordingEvent.class));
      case AUDIO -> audio(as(record, AudioChunk.class));
    };
  }

  private static <T> T as(SpecificRecord record, Class<T> type) throws UnusableRecordException {
    if (!type.isInstance(record)) {
      throw new UnusableRecordException(
          "expected a "
              + type.getSimpleName()
              + " but the record is a "
              + record.getSchema().getFullName(),
          null);
    }
    return type.cast(record);
  }

  static Part.TranscriptPart transcript(Transcript t) {
    List<Segment> segments =
        t.getSegments().stream()
            .map(
                s ->
                    new Segment(
                        s.getStart(),
                        s.getEnd(),
                        s.getText().strip(),
                        s.getWords().stream()
                            .map(
                                w ->
                                    new Word(
                                        w.getStart(),
                                        w.getEnd(),
                                        w.getText().strip(),
                                        w.getProbability()))
                            .toList()))
            .toList();
    return new Part.TranscriptPart(
        t.getRecordingId(),
        t.getChunkSequence(),
        t.getChunkOffsetSeconds(),
        t.getChunkDurationSeconds(),
        t.getText().strip(),
        t.getLanguage(),
        segments,
        t.getSilent(),
        new ModelInfo(t.getModel().getId(), t.getModel().getVersion(), t.getDecoding()),
        t.getCreatedAt().toEpochMilli());
  }

  static Part.ClassificationPart classification(Classification c) {
    Map<String, Double> probabilities = new LinkedHashMap<>();
    c.getProbabilities().forEach(p -> probabilities.put(p.getLabel(), (double) p.getProbability()));
    return new Part.ClassificationPart(
        c.getRecordingId(),
        c.getChunkSequence(),
        c.getChunkOffsetSeconds(),
        c.getChunkDurationSeconds(),
        c.getClassifier(),
        c.getLabel(),
        c.getConfidence(),
        probabilities,
        new ModelInfo(c.getModel().getId(), c.getModel().getVersion()),
        c.getCreatedAt().toEpochMilli());
  }

  static Part.EventPart event(RecordingEvent e) {
    var source = e.getSource();
    return new Part.EventPart(
        e.getRecordingId(),
        e.getType().name(),
        e.getTimestamp().toEpochMilli(),
        source.getName(),
        source.getKind().name(),
        e.getChunkCount(),
        e.getDurationSeconds(),
        e.getReasonCode(),
        e.getReason());
  }

  static Part.AudioPart audio(AudioChunk chunk) throws UnusableRecordException {
    float[] samples;
    try {
      samples = ChunkAudio.samples(chunk, MAX_CHUNK_SECONDS);
    } catch (ChunkPayload.InvalidChunkException e) {
      throw new UnusableRecordException(e.getMessage(), e);
    }
    SpectrogramSketch sketch =
        SpectrogramSketch.of(samples, ChunkAudio.RATE, chunk.getOffsetSeconds());
    return new Part.AudioPart(chunk.getRecordingId(), chunk.getSequence(), sketch.toBytes());
  }
}
