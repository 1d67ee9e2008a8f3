package dev.earshot.results;

import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.Classification;
import dev.earshot.schema.ClassificationTimings;
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
import dev.earshot.schema.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transcripts, classifications and recording events as stt-, classify- and ingest-service publish
 * them; built field by field because Avro's copying builders break under Quarkus class loaders.
 */
public final class TestParts {

  public static final String WHISPER = "openai/whisper-tiny";

  private TestParts() {}

  public static Transcript transcript(
      String recording, int chunk, double offset, double duration, String text, String version) {
    return transcript(recording, chunk, offset, duration, text, version, null);
  }

  /**
   * @param decoding the hash of the decoding settings stt-service ran with; null as before v3
   */
  public static Transcript transcript(
      String recording,
      int chunk,
      double offset,
      double duration,
      String text,
      String version,
      String decoding) {
    return Transcript.newBuilder()
        .setDecoding(decoding)
        .setRecordingId(recording)
        .setChunkSequence(chunk)
        .setChunkOffsetSeconds(offset)
        .setChunkDurationSeconds(duration)
        .setText(text)
        .setLanguage("en")
        .setLanguageProbability(0.9f)
        .setSegments(
            List.of(
                TranscriptSegment.newBuilder()
                    .setStart(offset)
                    .setEnd(offset + duration)
                    .setText(text)
                    .build()))
        .setNoSpeechProbability(0.01f)
        .setAvgLogProbability(-0.2f)
        .setModel(ModelRef.newBuilder().setId(WHISPER).setVersion(version).build())
        .setTimings(
            TranscriptTimings.newBuilder()
                .setFeatureMs(1)
                .setEncoderMs(1)
                .setDecoderMs(1)
                .setTotalMs(3)
                .setRealTimeFactor(0.1)
                .build())
        .setCreatedAt(Instant.now())
        .build();
  }

  /**
   * @param probabilities label → probability; the most probable is the label
   */
  public static Classification classification(
      String recording,
      int chunk,
      double offset,
      double duration,
      String classifier,
      Map<String, Double> probabilities,
      String version) {
    List<LabelProbability> list = new ArrayList<>();
    new LinkedHashMap<>(probabilities)
        .entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .forEach(
                e ->
                    list.add(
                        LabelProbability.newBuilder()
                            .setLabel(e.getKey())
                            .setProbability(e.getValue().floatValue())
                            .build()));
    return Classification.newBuilder()
        .setRecordingId(recording)
        .setChunkSequence(chunk)
        .setChunkOffsetSeconds(offset)
        .setChunkDurationSeconds(duration)
        .setClassifier(classifier)
        .setLabel(list.get(0).getLabel())
        .setConfidence(list.get(0).getProbability())
        .setProbabilities(list)
        .setModel(ModelRef.newBuilder().setId(classifier + "/mlp").setVersion(version).build())
        .setFeatures(
            FeatureSummary.newBuilder()
                .setNames(List.of())
                .setValues(List.of())
                .setSeries(List.of())
                .build())
        .setTimings(
            ClassificationTimings.newBuilder()
                .setFeatureMs(1)
                .setInferenceMs(1)
                .setTotalMs(2)
                .build())
        .setCreatedAt(Instant.now())
        .build();
  }

  public static RecordingEvent started(String recording, String file) {
    return event(recording, RecordingEventType.STARTED, file, null, null, null, null);
  }

  public static RecordingEvent finished(String recording, String file, int chunks, double seconds) {
    return event(recording, RecordingEventType.FINISHED, file, null, null, chunks, seconds);
  }

  public static RecordingEvent failed(
      String recording, String file, int chunks, String code, String reason) {
    return event(recording, RecordingEventType.FAILED, file, code, reason, chunks, null);
  }

  private static RecordingEvent event(
      String recording,
      RecordingEventType type,
      String file,
      String code,
      String reason,
      Integer chunks,
      Double seconds) {
    return RecordingEvent.newBuilder()
        .setRecordingId(recording)
        .setType(type)
        .setTimestamp(Instant.now())
        .setSource(SourceInfo.newBuilder().setKind(SourceKind.FILE).setName(file).build())
        .setChunkCount(chunks)
        .setDurationSeconds(seconds)
        .setReasonCode(code)
        .setReason(reason)
        .build();
  }

  /** A chunk of one second of a quiet 440 Hz tone, as ingest publishes it. */
  public static AudioChunk audioChunk(String recording, int sequence) {
    int rate = 16_000;
    ByteBuffer pcm = ByteBuffer.allocate(rate * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < rate; i++) {
      pcm.putShort((short) (3000 * Math.sin(2 * Math.PI * 440 * i / rate)));
    }
    pcm.flip();
    return AudioChunk.newBuilder()
        .setRecordingId(recording)
        .setSequence(sequence)
        .setOffsetSamples((long) sequence * rate)
        .setOffsetSeconds(sequence)
        .setDurationSeconds(1.0)
        .setSampleRate(rate)
        .setChannels(1)
        .setEncoding(SampleEncoding.PCM_S16LE)
        .setPayload(pcm)
        .setLast(false)
        .setSource(SourceInfo.newBuilder().setKind(SourceKind.FILE).setName("tone.wav").build())
        .setPublishedAt(Instant.now())
        .build();
  }

  public static byte[] avro(Object record) {
    return new AvroSerializer().serialize("any", (org.apache.avro.specific.SpecificRecord) record);
  }
}
