package dev.earshot.results.join;

import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.RecordingStatus;
import dev.earshot.schema.topic.DeadLetterHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Joins transcripts, classifications, audio sketches and lifecycle events of recordings.
 *
 * <p>All inputs are keyed by recording id with the same partition count, so one task sees every
 * record of a recording and no repartition is needed. A chunk result is emitted once the chunk has
 * its transcript and every expected verdict; a recording result once ingest said it FINISHED and
 * every chunk is joined, or it FAILED and the chunks it did publish are joined. Exact duplicates
 * (same part, same model version and settings) change nothing; a part from a new model version, or
 * a transcript decoded with other settings, replaces the old and emits a new result, so replays
 * supersede earlier results. Wall-clock punctuation reports recordings that stopped making progress
 * and deletes state past its retention.
 */
public final class ResultJoiner implements Processor<String, Input, String, Output> {

  public static final String CHUNK_STORE = "chunk-parts";
  public static final String RECORDING_STORE = "recordings";
  public static final String SPECTROGRAM_STORE = "spectrograms";

  private static final String SERVICE = "results-service";

  private final JoinSettings settings;
  private final ResultAssembler assembler;
  private final PartDecoder decoder = new PartDecoder();
  private final JoinListener listener;
  private final WorkerProgress progress;

  private ProcessorContext<String, Output> context;
  private KeyValueStore<String, ChunkState> chunks;
  private KeyValueStore<String, RecordingState> recordings;
  private KeyValueStore<String, byte[]> spectrograms;

  public ResultJoiner(JoinSettings settings, JoinListener listener) {
    this(settings, listener, WorkerProgress.NONE);
  }

  /**
   * @param progress where the chunk workers are, so a backlog is not taken for lost chunks
   */
  public ResultJoiner(JoinSettings settings, JoinListener listener, WorkerProgress progress) {
    this.settings = settings;
    this.assembler = new ResultAssembler(settings);
    this.listener = listener;
    this.progress = progress;
  }

  @Override
  public void init(ProcessorContext<String, Output> context) {
    this.context = context;
    chunks = context.getStateStore(CHUNK_STORE);
    recordings = context.getStateStore(RECORDING_STORE);
    spectrograms = context.getStateStore(SPECTROGRAM_STORE);
    context.schedule(settings.scanInterval(), PunctuationType.WALL_CLOCK_TIME, this::scan);
  }

  @Override
  public void process(Record<String, Input> record) {
    Part part;
    try {
      part = decoder.decode(record.value());
    } catch (PartDecoder.UnusableRecordException e) {
      deadLetter(record, e.getMessage(), e.getCause() == null ? e : e.getCause());
      return;
    }
    String id = part.recordingId();
    if (!id.equals(record.key())) {
      // A record under another key may sit in another partition than the rest of its recording.
      deadLetter(
          record, "record key '" + record.key() + "' is not its recording id '" + id + "'", null);
      return;
    }
    long now = context.currentSystemTimeMs();
    RecordingState rec = recordings.get(id);
    if (rec == null) {
      rec = RecordingState.open(id, now);
    }
    rec.lastSeenMs = now;
    // Only events and new parts can change the recording's result; sketches are drawn on request.
    boolean changed = false;
    if (part instanceof Part.EventPart event) {
      apply(rec, event);
      changed = true;
    } else if (part instanceof Part.TranscriptPart t) {
      changed = update(rec, t.chunk(), t, null, record.timestamp(), now);
    } else if (part instanceof Part.ClassificationPart c) {
      changed = update(rec, c.chunk(), null, c, record.timestamp(), now);
    } else if (part instanceof Part.AudioPart audio) {
      RecordMetadata meta = context.recordMetadata().orElse(null);
      if (meta != null) {
        rec.chunkPartition = meta.partition();
        rec.lastChunkOffset = Math.max(rec.lastChunkOffset, meta.offset());
      }
      String key = StoreKeys.chunk(id, audio.chunk());
      if (spectrograms.get(key) == null) {
        spectrograms.put(key, audio.sketch());
      }
    }
    recordings.put(id, rec);
    if (changed) {
      maybeEmitRecording(rec, record.timestamp(), now, false);
    }
  }

  private static void apply(RecordingState rec, Part.EventPart event) {
    if (event.file() != null) {
      rec.file = event.file();
    }
    rec.sourceKind = event.sourceKind();
    if (event.type().equals("STARTED") && "FAILED".equals(rec.end)) {
      // ingest publishes the recording again (an upload retried with its Idempotency-Key): this
      // attempt may end COMPLETE; chunks joined before stay, their duplicates change nothing.
      rec.end = null;
      rec.chunkCount = null;
      rec.durationSeconds = null;
      rec.reasonCode = null;
      rec.reason = null;
      rec.status = RecordingStatus.PROCESSING;
    }
    if (!event.type().equals("STARTED")) {
      rec.end = event.type();
      rec.chunkCount = event.chunkCount() == null ? 0 : event.chunkCount();
      rec.durationSeconds = event.durationSeconds();
      rec.reasonCode = event.reasonCode();
      rec.reason = event.reason();
    }
  }

  /**
   * @return whether the chunk's state changed (false for an exact duplicate)
   */
  private boolean update(
      RecordingState rec,
      int chunk,
      Part.TranscriptPart transcript,
      Part.ClassificationPart classification,
      long timestamp,
      long now) {
    String key = StoreKeys.chunk(rec.recordingId, chunk);
    ChunkState state = chunks.get(key);
    if (state == null) {
      state = ChunkState.empty(chunk);
    }
    Part.TranscriptPart oldT = state.transcript();
    Part.ClassificationPart oldC =
        classification == null ? null : state.classifications().get(classification.classifier());
    boolean duplicate =
        transcript != null
            ? oldT != null && oldT.model().equals(transcript.model())
            : oldC != null && oldC.model().equals(classification.model());
    if (duplicate) {
      // A worker redid the chunk with the same model and settings: the first result stands.
      listener.duplicate();
      return false;
    }
    state =
        transcript != null
            ? state.withTranscript(transcript)
            : state.withClassification(classification);
    if (state.complete(settings.expectedClassifiers())
        && !state.signature().equals(state.emittedSignature())) {
      state = state.withEmitted(state.signature());
      context.forward(
          new Record<String, Output>(
              rec.recordingId,
              new Output.ChunkOut(assembler.chunk(state, rec.file, now)),
              timestamp,
              new RecordHeaders()));
      listener.chunkJoined();
    }
    chunks.put(key, state);
    return true;
  }

  /**
   * Emits the recording result when the recording ended and its chunks are joined, unless the same
   * result (same status, same model versions) was emitted already.
   *
   * @param timedOut the punctuator found the recording quiet for the timeout: report it with what
   *     is there
   */
  private void maybeEmitRecording(RecordingState rec, long timestamp, long now, boolean timedOut) {
    if (rec.end == null && !timedOut) {
      return;
    }
    List<ChunkState> parts = StoreKeys.values(chunks, rec.recordingId);
    int expected = rec.chunkCount == null ? -1 : rec.chunkCount;
    Set<Integer> joined = new HashSet<>();
    for (ChunkState c : parts) {
      if (c.complete(settings.expectedClassifiers()) && (expected < 0 || c.chunk() < expected)) {
        joined.add(c.chunk());
      }
    }
    boolean allJoined = expected >= 0 && joined.size() >= expected;
    RecordingStatus status;
    String reason = null;
    if ("FAILED".equals(rec.end)) {
      if (!allJoined && !timedOut) {
        return;
      }
      status = RecordingStatus.FAILED;
      reason = (rec.reasonCode == null ? "" : rec.reasonCode + ": ") + nullToEmpty(rec.reason);
    } else if (allJoined) {
      status = RecordingStatus.COMPLETE;
    } else if (timedOut) {
      status = RecordingStatus.INCOMPLETE;
      reason = missing(rec, parts, joined);
    } else {
      return;
    }
    StringBuilder signature = new StringBuilder(status.name());
    parts.stream()
        .filter(c -> joined.contains(c.chunk()))
        .forEach(c -> signature.append('#').append(c.chunk()).append(':').append(c.signature()));
    if (signature.toString().equals(rec.emittedSignature)) {
      return;
    }
    if (!timedOut && rec.emittedSignature != null && mixedVersions(parts, joined)) {
      // A replay is rewriting this recording chunk by chunk: wait until every chunk carries the
      // new model (or the timeout), rather than emitting one result per replayed chunk.
      if (!rec.pending) {
        rec.pending = true;
        recordings.put(rec.recordingId, rec);
      }
      return;
    }
    RecordingResult result = assembler.recording(rec, parts, status, reason, now);
    rec.status = status;
    rec.pending = false;
    rec.emittedSignature = signature.toString();
    rec.result = result;
    recordings.put(rec.recordingId, rec);
    context.forward(
        new Record<String, Output>(
            rec.recordingId, new Output.RecordingOut(result), timestamp, new RecordHeaders()));
    listener.recordingEmitted(result, now - rec.firstSeenMs);
  }

  /** Whether some part (transcript or a classifier) has different model versions across chunks. */
  private static boolean mixedVersions(List<ChunkState> parts, Set<Integer> joined) {
    Map<String, String> versions = new HashMap<>();
    for (ChunkState c : parts) {
      if (!joined.contains(c.chunk())) {
        continue;
      }
      Map<String, String> own = new HashMap<>();
      own.put(ResultAssembler.TRANSCRIPT, c.transcript().model().revision());
      c.classifications().forEach((name, p) -> own.put(name, p.model().revision()));
      for (var e : own.entrySet()) {
        String seen = versions.putIfAbsent(e.getKey(), e.getValue());
        if (seen != null && !seen.equals(e.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private String missing(RecordingState rec, List<ChunkState> parts, Set<Integer> joined) {
    if (rec.workersBehind) {
      return "the workers had not processed its chunks within "
          + settings.backlogTimeout()
          + " (results.backlog-timeout); "
          + joined.size()
          + " chunk(s) joined";
    }
    if (rec.end == null) {
      return "no FINISHED event within "
          + settings.incompleteTimeout()
          + "; "
          + joined.size()
          + " chunk(s) joined";
    }
    List<String> gaps = new ArrayList<>();
    Map<Integer, ChunkState> byChunk = new HashMap<>();
    parts.forEach(c -> byChunk.put(c.chunk(), c));
    for (int i = 0; i < rec.chunkCount && gaps.size() < 10; i++) {
      if (joined.contains(i)) {
        continue;
      }
      ChunkState c = byChunk.get(i);
      if (c == null) {
        gaps.add("chunk " + i + ": nothing");
      } else {
        List<String> lacks = new ArrayList<>();
        if (c.transcript() == null) {
          lacks.add("transcript");
        }
        settings.expectedClassifiers().stream()
            .filter(name -> !c.classifications().containsKey(name))
            .forEach(lacks::add);
        gaps.add("chunk " + i + ": no " + String.join(", ", lacks));
      }
    }
    return joined.size()
        + " of "
        + rec.chunkCount
        + " chunks joined within "
        + settings.incompleteTimeout()
        + "; missing "
        + String.join("; ", gaps);
  }

  /**
   * Reports quiet recordings and forgets old ones; iterators closed before any write. Lag, not
   * silence, decides: while the worker groups have not got to a recording's chunks, it waits (up to
   * the backlog timeout), and the incomplete timeout counts from when they went past them.
   */
  private void scan(long now) {
    List<RecordingState> quiet = new ArrayList<>();
    List<RecordingState> changed = new ArrayList<>();
    List<String> expired = new ArrayList<>();
    long timeout = settings.incompleteTimeout().toMillis();
    try (KeyValueIterator<String, RecordingState> it = recordings.all()) {
      while (it.hasNext()) {
        RecordingState rec = it.next().value;
        long idle = now - rec.lastSeenMs;
        if (idle >= settings.retention().toMillis()) {
          expired.add(rec.recordingId);
          continue;
        }
        if (rec.status != RecordingStatus.PROCESSING && !rec.pending) {
          continue;
        }
        WorkerProgress.State workers =
            rec.lastChunkOffset < 0
                ? WorkerProgress.State.UNKNOWN
                : progress.of(rec.chunkPartition, rec.lastChunkOffset);
        boolean behind = workers == WorkerProgress.State.BEHIND;
        long pastMs = workers == WorkerProgress.State.PAST ? rec.workersPastMs : 0;
        if (workers == WorkerProgress.State.PAST && pastMs == 0) {
          pastMs = now;
        }
        if (behind != rec.workersBehind || pastMs != rec.workersPastMs) {
          rec.workersBehind = behind;
          rec.workersPastMs = pastMs;
          changed.add(rec);
        }
        boolean timedOut =
            switch (workers) {
              case BEHIND -> idle >= settings.backlogTimeout().toMillis();
              case PAST -> now - Math.max(rec.lastSeenMs, pastMs) >= timeout;
              case UNKNOWN -> idle >= timeout;
            };
        if (timedOut) {
          quiet.add(rec);
        }
      }
    }
    for (RecordingState rec : changed) {
      recordings.put(rec.recordingId, rec);
    }
    for (RecordingState rec : quiet) {
      maybeEmitRecording(rec, now, now, true);
    }
    for (String id : expired) {
      forget(id);
    }
  }

  private void forget(String recordingId) {
    recordings.delete(recordingId);
    StoreKeys.entries(chunks, recordingId).forEach(kv -> chunks.delete(kv.key));
    StoreKeys.entries(spectrograms, recordingId).forEach(kv -> spectrograms.delete(kv.key));
  }

  private void deadLetter(Record<String, Input> record, String reason, Throwable cause) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    var headers =
        DeadLetterHeaders.of(
            reason,
            cause,
            meta == null ? "" : meta.topic(),
            meta == null ? -1 : meta.partition(),
            meta == null ? -1 : meta.offset(),
            SERVICE);
    context.forward(
        new Record<String, Output>(
            record.key(),
            new Output.DeadLetter(record.value().value()),
            record.timestamp(),
            headers));
    listener.deadLetter(reason, cause);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
