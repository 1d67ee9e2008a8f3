package dev.earshot.schema.serde;

import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.Classification;
import dev.earshot.schema.ClassificationTimings;
import dev.earshot.schema.FeatureSeries;
import dev.earshot.schema.FeatureSummary;
import dev.earshot.schema.LabelProbability;
import dev.earshot.schema.ModelRef;
import dev.earshot.schema.RecordingEvent;
import dev.earshot.schema.RecordingEventType;
import dev.earshot.schema.SampleEncoding;
import dev.earshot.schema.SourceInfo;
import dev.earshot.schema.SourceKind;
import dev.earshot.schema.Transcript;
import dev.earshot.schema.TranscriptSegment;
import dev.earshot.schema.TranscriptTimings;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fully populated example records of every contract. */
final class Samples {

  static final Instant T = Instant.parse("2026-11-21T10:15:30.123Z");

  private Samples() {}

  static SourceInfo source() {
    return SourceInfo.newBuilder()
        .setKind(SourceKind.UPLOAD)
        .setName("kitchen/2026-11-21T10-15.wav")
        .setDevice("edge-17")
        .setCaptureTime(T)
        .setOriginalFormat("WAV PCM 24-bit, 48000 Hz, 2 ch")
        .setOriginalSampleRate(48000)
        .setOriginalChannels(2)
        .setAttributes(Map.of("site", "Zürich", "campaign", "q4"))
        .build();
  }

  static AudioChunk chunk() {
    return AudioChunk.newBuilder()
        .setRecordingId("rec-1")
        .setSequence(3)
        .setOffsetSamples(480_000L)
        .setOffsetSeconds(30.0)
        .setDurationSeconds(0.0005)
        .setSampleRate(16000)
        .setChannels(1)
        .setEncoding(SampleEncoding.PCM_S16LE)
        .setPayload(
            ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
        .setLast(true)
        .setSource(source())
        .setPublishedAt(T)
        .build();
  }

  static RecordingEvent failed() {
    return RecordingEvent.newBuilder()
        .setRecordingId("rec-1")
        .setType(RecordingEventType.FAILED)
        .setTimestamp(T)
        .setSource(source())
        .setChunkCount(2)
        .setDurationSeconds(20.0)
        .setReasonCode("TRUNCATED")
        .setReason("file is truncated")
        .build();
  }

  static Transcript transcript() {
    return Transcript.newBuilder()
        .setRecordingId("rec-1")
        .setChunkSequence(1)
        .setChunkOffsetSeconds(10.0)
        .setChunkDurationSeconds(9.5)
        .setText(" Grüß Gott, ça va? 你好")
        .setLanguage("de")
        .setLanguageProbability(0.93f)
        .setTask("transcribe")
        .setSegments(List.of(new TranscriptSegment(10.0, 12.5, " Grüß Gott,", List.of())))
        .setNoSpeechProbability(0.01f)
        .setAvgLogProbability(-0.2f)
        .setCompressionRatio(1.3f)
        .setTemperature(0.0f)
        .setModel(new ModelRef("Xenova/whisper-tiny", "sha256:abc"))
        .setTimings(new TranscriptTimings(5.0, 140.0, 300.0, 445.0, 0.047))
        .setCreatedAt(T)
        .build();
  }

  static Classification classification() {
    return Classification.newBuilder()
        .setRecordingId("rec-1")
        .setChunkSequence(1)
        .setChunkOffsetSeconds(10.0)
        .setChunkDurationSeconds(9.5)
        .setClassifier("sound-type")
        .setLabel("speech")
        .setConfidence(0.8f)
        .setProbabilities(
            List.of(
                new LabelProbability("speech", 0.8f),
                new LabelProbability("music", 0.15f),
                new LabelProbability("other", 0.05f)))
        .setModel(new ModelRef("sound-type", "v3"))
        .setFeatures(
            new FeatureSummary(
                List.of("rms_mean", "zcr_mean"),
                List.of(0.1f, 0.05f),
                List.of(new FeatureSeries("rms", 0.01, List.of(0.1f, 0.2f)))))
        .setTimings(new ClassificationTimings(3.0, 1.0, 4.0))
        .setCreatedAt(T)
        .build();
  }
}
