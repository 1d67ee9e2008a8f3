package dev.earshot.ingest.publish;

import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.ingest.recording.ChunkPublisher;
import dev.earshot.ingest.recording.EncodedChunk;
import dev.earshot.ingest.recording.Recording;
import dev.earshot.ingest.recording.RecordingSource;
import dev.earshot.ingest.recording.Rejection;
import dev.earshot.ingest.recording.TranscriptionWishes;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.RecordingEvent;
import dev.earshot.schema.RecordingEventType;
import dev.earshot.schema.SampleEncoding;
import dev.earshot.schema.SourceInfo;
import dev.earshot.schema.SourceKind;
import dev.earshot.schema.TranscriptionRequest;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Maps ingest's domain values to the Avro contracts. */
final class AvroMapping {

  private AvroMapping() {}

  static AudioChunk chunk(Recording recording, EncodedChunk chunk, Instant now) {
    int rate = recording.sampleRate();
    return AudioChunk.newBuilder()
        .setRecordingId(recording.id())
        .setSequence(chunk.sequence())
        .setOffsetSamples(chunk.offsetSamples())
        .setOffsetSeconds(chunk.offsetSeconds(rate))
        .setDurationSeconds(chunk.durationSeconds(rate))
        .setSampleRate(rate)
        .setChannels(1)
        .setEncoding(encoding(recording.encoding()))
        .setPayload(ByteBuffer.wrap(chunk.payload()))
        .setLast(chunk.last())
        .setSource(source(recording))
        .setPublishedAt(now)
        .setRequest(request(recording.source().wishes()))
        .build();
  }

  static dev.earshot.schema.LiveAudio liveAudio(
      Recording recording, dev.earshot.ingest.recording.LivePiece piece, Instant now) {
    return dev.earshot.schema.LiveAudio.newBuilder()
        .setRecordingId(recording.id())
        .setSequence(piece.sequence())
        .setOffsetSamples(piece.offsetSamples())
        .setSampleRate(recording.sampleRate())
        .setPayload(ByteBuffer.wrap(piece.payload()))
        .setLast(piece.last())
        .setPublishedAt(now)
        .build();
  }

  private static TranscriptionRequest request(TranscriptionWishes wishes) {
    if (wishes.isEmpty()) {
      return null;
    }
    return TranscriptionRequest.newBuilder()
        .setTask(wishes.task())
        .setLanguage(wishes.language())
        .setPrompt(wishes.prompt())
        .setTemperature(wishes.temperature())
        .build();
  }

  static RecordingEvent started(Recording recording, Instant now) {
    return event(recording, RecordingEventType.STARTED, now).build();
  }

  static RecordingEvent finished(Recording recording, ChunkPublisher.Totals totals, Instant now) {
    return event(recording, RecordingEventType.FINISHED, now)
        .setChunkCount(totals.chunks())
        .setDurationSeconds(totals.seconds())
        .build();
  }

  static RecordingEvent failed(
      Recording recording,
      ChunkPublisher.Totals totals,
      Rejection rejection,
      String reason,
      Instant now) {
    return event(recording, RecordingEventType.FAILED, now)
        .setChunkCount(totals.chunks())
        .setDurationSeconds(totals.seconds())
        .setReasonCode(rejection.name())
        .setReason(reason)
        .build();
  }

  private static RecordingEvent.Builder event(
      Recording recording, RecordingEventType type, Instant now) {
    return RecordingEvent.newBuilder()
        .setRecordingId(recording.id())
        .setType(type)
        .setTimestamp(now)
        .setSource(source(recording));
  }

  static SourceInfo source(Recording recording) {
    RecordingSource source = recording.source();
    var builder =
        SourceInfo.newBuilder()
            .setKind(SourceKind.valueOf(source.origin().name()))
            .setName(source.name())
            .setDevice(source.device())
            .setCaptureTime(source.captureTime())
            .setAttributes(source.attributes());
    if (recording.inputFormat() != null) {
      builder
          .setOriginalFormat(recording.inputFormat().description())
          .setOriginalSampleRate(recording.inputFormat().sampleRate())
          .setOriginalChannels(recording.inputFormat().channels());
    }
    return builder.build();
  }

  static SampleEncoding encoding(PcmEncoding encoding) {
    return switch (encoding) {
      case PCM_S16LE -> SampleEncoding.PCM_S16LE;
      case PCM_F32LE -> SampleEncoding.PCM_F32LE;
    };
  }
}
