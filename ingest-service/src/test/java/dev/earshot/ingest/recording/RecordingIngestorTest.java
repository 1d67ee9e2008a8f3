package dev.earshot.ingest.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.earshot.audio.Signals;
import dev.earshot.audio.WavBytes;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.dsp.Normalization;
import dev.earshot.audio.dsp.Trimming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingIngestorTest {

  private final RecordedPublisher publisher = new RecordedPublisher();
  private final EventOutbox outbox = TestSettings.outbox(publisher);
  private final AtomicInteger ids = new AtomicInteger();

  @AfterEach
  void closeOutbox() {
    outbox.close();
  }

  private RecordingIngestor ingestor(IngestSettings settings) {
    return new RecordingIngestor(
        settings, publisher, outbox, IngestListener.NONE, () -> "rec-" + ids.incrementAndGet());
  }

  static byte[] stereoWav(double seconds, int rate) {
    float[] mono = Signals.speechLike(3, rate, (int) (seconds * rate));
    float[] stereo = new float[mono.length * 2];
    for (int i = 0; i < mono.length; i++) {
      stereo[2 * i] = mono[i];
      stereo[2 * i + 1] = mono[i] * 0.5f;
    }
    return WavBytes.of(WavBytes.Format.S24, 2, rate, stereo).build();
  }

  @Test
  void publishesStartedThenEveryChunkInOrderThenFinished() throws Exception {
    byte[] wav = stereoWav(25, 48000);

    var ingested =
        ingestor(TestSettings.defaults())
            .ingest(AudioInput.of(wav), RecordingSource.of(Origin.FILE, "talk.wav"));

    assertThat(publisher.types()).containsExactly("STARTED", "CHUNK", "CHUNK", "CHUNK", "FINISHED");
    var chunks = publisher.chunks();
    assertThat(chunks).extracting(EncodedChunk::sequence).containsExactly(0, 1, 2);
    assertThat(chunks).extracting(EncodedChunk::last).containsExactly(false, false, true);
    assertThat(ingested.totals().chunks()).isEqualTo(3);
    assertThat(ingested.totals().seconds()).isCloseTo(25.0, within(1e-9));
    assertThat(ingested.recording().inputFormat().description())
        .isEqualTo("WAV PCM 24-bit, 48000 Hz, 2 ch");
  }

  @Test
  void concatenatedChunksAreTheResampledAudioSampleForSample() throws Exception {
    byte[] wav = stereoWav(25, 44100);

    ingestor(TestSettings.defaults())
        .ingest(AudioInput.of(wav), RecordingSource.of(Origin.FILE, "talk.wav"));

    float[] reference = AudioLoader.loadMono(AudioDecoder.open(wav), 16000);
    byte[] expected = PcmCodec.encode(reference, PcmEncoding.PCM_S16LE);
    assertThat(concatenatedPayloads()).isEqualTo(expected);
    long offset = 0;
    for (EncodedChunk chunk : publisher.chunks()) {
      assertThat(chunk.offsetSamples()).isEqualTo(offset);
      assertThat(chunk.sampleCount()).isLessThanOrEqualTo(30 * 16000);
      offset += chunk.sampleCount();
    }
  }

  @Test
  void floatChunksKeepTheResampledAudioBitForBit() throws Exception {
    byte[] wav = stereoWav(13, 22050);
    var settings =
        TestSettings.with(
            TestSettings.pipeline(Trimming.disabled()),
            Normalization.none(),
            PcmEncoding.PCM_F32LE,
            Duration.ofHours(1));

    ingestor(settings).ingest(AudioInput.of(wav), RecordingSource.of(Origin.FILE, "x.wav"));

    float[] reference = AudioLoader.loadMono(AudioDecoder.open(wav), 16000);
    assertThat(PcmCodec.decode(concatenatedPayloads(), PcmEncoding.PCM_F32LE))
        .containsExactly(reference);
  }

  @Test
  void aTruncatedFileIsRefusedWithOnlyAFailedEventAndNoChunks() {
    byte[] wav = stereoWav(5, 16000);
    byte[] truncated = Arrays.copyOf(wav, wav.length / 2);

    assertThatThrownBy(
            () ->
                ingestor(TestSettings.defaults())
                    .ingest(AudioInput.of(truncated), RecordingSource.of(Origin.UPLOAD, "t.wav")))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.TRUNCATED);
              assertThat(e.recordingId()).isEqualTo("rec-1");
              assertThat(e.getMessage()).contains("truncated");
            });
    assertThat(publisher.types()).containsExactly("FAILED");
    assertThat(publisher.last().rejection()).isEqualTo(Rejection.TRUNCATED);
    assertThat(publisher.last().totals().chunks()).isZero();
  }

  /** Ingests 25 s of audio (three chunks) under id "rec-1", expecting it to fail. */
  private IngestException failedIngest() {
    return catchThrowableOfType(
        IngestException.class,
        () ->
            ingestor(TestSettings.defaults())
                .ingest(
                    AudioInput.of(stereoWav(25, 16000)),
                    RecordingSource.of(Origin.UPLOAD, "x.wav")));
  }

  @Test
  void aChunkKafkaRefusesEndsTheRecordingFailedCountingOnlyAcknowledgedChunks() {
    publisher.failChunk = 1;

    assertThat(failedIngest().rejection()).isEqualTo(Rejection.PUBLISH_FAILED);
    assertThat(publisher.types())
        .startsWith("STARTED")
        .endsWith("FAILED")
        .doesNotContain("FINISHED");
    assertThat(publisher.last().totals().chunks())
        .isEqualTo(publisher.chunks().size())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aRecordingCutOffByAnOutageEndsFailedWithItsReasonOnceKafkaIsBack() {
    publisher.outageFromChunk = 1;
    publisher.failedRefusals = 2;

    IngestException e = failedIngest();

    assertThat(e.rejection()).isEqualTo(Rejection.KAFKA_UNAVAILABLE);
    assertThat(e.recordingId()).isEqualTo("rec-1");
    assertThat(e.getMessage())
        .contains("Kafka did not acknowledge the chunk of recording rec-1")
        .endsWith("recording rec-1 will be marked FAILED as soon as Kafka is back");
    assertThat(outbox.isPending("rec-1")).isTrue();

    await().atMost(Duration.ofSeconds(5)).until(() -> outbox.size() == 0);
    assertThat(publisher.types()).containsExactly("STARTED", "CHUNK", "FAILED");
    assertThat(publisher.last().totals().chunks()).isEqualTo(1);
    assertThat(publisher.last().rejection()).isEqualTo(Rejection.KAFKA_UNAVAILABLE);
    assertThat(publisher.last().reason()).contains("Kafka did not acknowledge");
  }

  @Test
  void aFinishedEventKafkaDoesNotAcknowledgeEndsTheRecordingFailedInstead() {
    publisher.outageAtFinished = true;

    assertThat(failedIngest().rejection()).isEqualTo(Rejection.KAFKA_UNAVAILABLE);

    // The upload was answered with an error, so the recording must not look finished.
    assertThat(publisher.types()).containsExactly("STARTED", "CHUNK", "CHUNK", "CHUNK", "FAILED");
    assertThat(publisher.last().totals().chunks()).isEqualTo(3);
    assertThat(outbox.size()).isZero();
  }

  @Test
  void aNewAttemptUnderTheSameIdPublishesEverythingAgainAndSupersedesThePendingFailedEvent()
      throws Exception {
    publisher.outageFromChunk = 0;
    publisher.failedRefusals = Integer.MAX_VALUE;
    byte[] wav = stereoWav(25, 16000);
    var source = RecordingSource.of(Origin.UPLOAD, "x.wav");
    assertThatThrownBy(
            () -> ingestor(TestSettings.defaults()).ingest("same", AudioInput.of(wav), source))
        .isInstanceOf(IngestException.class);
    assertThat(outbox.isPending("same")).isTrue();

    publisher.outageFromChunk = -1;
    publisher.published.clear();
    var again = ingestor(TestSettings.defaults()).ingest("same", AudioInput.of(wav), source);

    assertThat(again.recording().id()).isEqualTo("same");
    assertThat(outbox.size()).isZero();
    assertThat(publisher.types()).containsExactly("STARTED", "CHUNK", "CHUNK", "CHUNK", "FINISHED");
  }

  @Test
  void aRecordingLongerThanTheLimitIsRefusedBeforeAnythingIsPublished() {
    var settings =
        TestSettings.with(
            TestSettings.pipeline(Trimming.disabled()),
            Normalization.none(),
            PcmEncoding.PCM_S16LE,
            Duration.ofSeconds(20));

    assertThatThrownBy(
            () ->
                ingestor(settings)
                    .ingest(
                        AudioInput.of(stereoWav(25, 16000)),
                        RecordingSource.of(Origin.FILE, "long.wav")))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.TOO_LONG);
              assertThat(e.getMessage()).contains("ingest.max-duration");
            });
    assertThat(publisher.types()).containsExactly("FAILED");
  }

  @Test
  void peakNormalisationBringsTheLoudestSampleToTheTarget() throws Exception {
    float[] quiet = Signals.sine(440, 16000, 16000 * 3, 0.1);
    byte[] wav = WavBytes.of(WavBytes.Format.F32, 1, 16000, quiet).build();
    var settings =
        TestSettings.with(
            TestSettings.pipeline(Trimming.disabled()),
            Normalization.peak(-1.0),
            PcmEncoding.PCM_F32LE,
            Duration.ofHours(1));

    ingestor(settings).ingest(AudioInput.of(wav), RecordingSource.of(Origin.FILE, "q.wav"));

    float[] out = PcmCodec.decode(concatenatedPayloads(), PcmEncoding.PCM_F32LE);
    double peak = 0;
    for (float v : out) {
      peak = Math.max(peak, Math.abs(v));
    }
    assertThat(peak).isCloseTo(Math.pow(10, -1 / 20.0), within(1e-3));
  }

  @Test
  void trimmedChunksKeepTheirPlaceInTheOriginalRecording() throws Exception {
    int rate = 16000;
    float[] signal =
        Signals.concat(
            new float[3 * rate], Signals.sine(300, rate, 5 * rate, 0.5), new float[3 * rate]);
    byte[] wav = WavBytes.of(WavBytes.Format.F32, 1, rate, signal).build();
    var trim = new Trimming(true, -50, 0.02, 0.2);
    var settings =
        TestSettings.with(
            TestSettings.pipeline(trim),
            Normalization.none(),
            PcmEncoding.PCM_F32LE,
            Duration.ofHours(1));

    ingestor(settings).ingest(AudioInput.of(wav), RecordingSource.of(Origin.FILE, "t.wav"));

    var chunks = publisher.chunks();
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).offsetSamples() / (double) rate).isCloseTo(2.8, within(0.03));
    assertThat(chunks.get(0).sampleCount() / (double) rate).isCloseTo(5.4, within(0.05));
  }

  @Test
  void allSilentAudioTrimmedAwayFinishesWithZeroChunks() throws Exception {
    byte[] wav = WavBytes.of(WavBytes.Format.S16, 1, 16000, new float[16000 * 4]).build();
    var settings =
        TestSettings.with(
            TestSettings.pipeline(Trimming.defaults()),
            Normalization.none(),
            PcmEncoding.PCM_S16LE,
            Duration.ofHours(1));

    var ingested =
        ingestor(settings).ingest(AudioInput.of(wav), RecordingSource.of(Origin.FILE, "s.wav"));

    assertThat(publisher.types()).containsExactly("STARTED", "FINISHED");
    assertThat(ingested.totals().chunks()).isZero();
  }

  private byte[] concatenatedPayloads() throws IOException {
    var out = new ByteArrayOutputStream();
    for (EncodedChunk chunk : publisher.chunks()) {
      out.write(chunk.payload());
    }
    return out.toByteArray();
  }
}
