package dev.earshot.stt.service;

import dev.earshot.schema.ModelRef;
import dev.earshot.schema.Transcript;
import dev.earshot.schema.TranscriptSegment;
import dev.earshot.schema.TranscriptTimings;
import dev.earshot.schema.TranscriptWord;
import dev.earshot.whisper.DecodingOptions;
import dev.earshot.whisper.Transcription;
import java.time.Instant;

/** Maps a chunk's transcription to the Transcript contract. */
final class TranscriptMapping {

  private TranscriptMapping() {}

  static Transcript toAvro(
      String recordingId,
      int sequence,
      double offsetSeconds,
      double durationSeconds,
      boolean lastChunk,
      Transcription t,
      DecodingOptions options,
      ModelRef model,
      String decoding,
      Instant now) {
    var timings = t.timings();
    return Transcript.newBuilder()
        .setRecordingId(recordingId)
        .setChunkSequence(sequence)
        .setChunkOffsetSeconds(offsetSeconds)
        .setChunkDurationSeconds(durationSeconds)
        .setText(t.text())
        .setLanguage(t.language())
        .setLanguageProbability(
            t.languageProbability() == null ? null : t.languageProbability().floatValue())
        .setTask(options.task().name().toLowerCase(java.util.Locale.ROOT))
        .setSegments(
            t.segments().stream()
                .map(
                    s ->
                        new TranscriptSegment(
                            s.start(),
                            s.end(),
                            s.text(),
                            s.words().stream()
                                .map(
                                    w ->
                                        new TranscriptWord(
                                            w.start(), w.end(), w.text(), (float) w.probability()))
                                .toList()))
                .toList())
        .setNoSpeechProbability((float) t.noSpeechProbability())
        .setAvgLogProbability((float) t.avgLogProbability())
        .setCompressionRatio((float) t.compressionRatio())
        .setTemperature((float) t.temperature())
        .setModel(model)
        .setTimings(
            new TranscriptTimings(
                timings.featureMs(),
                timings.encoderMs(),
                timings.decoderMs(),
                timings.totalMs(),
                timings.realTimeFactor()))
        .setCreatedAt(now)
        .setTokens(t.tokens())
        .setSilent(t.silent())
        .setLastChunk(lastChunk)
        .setDecoding(decoding)
        .build();
  }
}
