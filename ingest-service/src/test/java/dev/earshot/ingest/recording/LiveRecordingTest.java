package dev.earshot.ingest.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.earshot.audio.Signals;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.dsp.Normalization;
import dev.earshot.audio.dsp.Trimming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveRecordingTest {

  private final RecordedPublisher publisher = new RecordedPublisher();
  private final Recording.InputFormat format =
      new Recording.InputFormat("raw PCM s16le, 48000 Hz, 1 ch", 48000, 1);

  private LiveRecording start(IngestSettings settings) throws IngestException {
    return LiveRecording.start(
        settings,
        publisher,
        TestSettings.outbox(publisher),
        IngestListener.NONE,
        "live-1",
        RecordingSource.of(Origin.STREAM, "door"),
        format,
        LiveRecording.Captions.OFF);
  }

  private LiveRecording startWithPieces(List<LivePiece> pieces, Duration length)
      throws IngestException {
    return LiveRecording.start(
        TestSettings.defaults(),
        publisher,
        TestSettings.outbox(publisher),
        IngestListener.NONE,
        "live-pieces",
        RecordingSource.of(Origin.STREAM, "door"),
        format,
        new LiveRecording.Captions((recording, piece) -> pieces.add(piece), length));
  }

  @Test
  void chunksArePublishedWhileAudioIsStillArriving() throws Exception {
    LiveRecording live = start(TestSettings.defaults());
    float[] audio = Signals.speechLike(9, 48000, 48000 * 25);
    int block = 4800;

    int fedWhenFirstChunkAppeared = -1;
    for (int at = 0; at < audio.length; at += block) {
      live.accept(audio, at, Math.min(block, audio.length - at));
      if (fedWhenFirstChunkAppeared < 0 && !publisher.chunks().isEmpty()) {
        fedWhenFirstChunkAppeared = at + block;
      }
    }
    assertThat(publisher.types()).startsWith("STARTED", "CHUNK").doesNotContain("FINISHED");
    var totals = live.finish();

    // Chunk 0 is cut once target + search (12 s) have arrived, long before the stream ends.
    assertThat(fedWhenFirstChunkAppeared / 48000.0).isBetween(12.0, 12.2);
    assertThat(publisher.types()).endsWith("FINISHED");
    assertThat(totals.chunks()).isEqualTo(3);
    assertThat(totals.seconds()).isEqualTo(25.0);
    assertThat(publisher.chunks())
        .extracting(EncodedChunk::last)
        .containsExactly(false, false, true);
  }

  @Test
  void withCaptionsTheAudioGoesOutInHalfSecondPiecesLongBeforeItsFirstChunk() throws Exception {
    List<LivePiece> pieces = new ArrayList<>();
    LiveRecording live = startWithPieces(pieces, Duration.ofMillis(500));
    float[] audio = Signals.speechLike(9, 48000, 48000 * 25);

    // Two seconds in: three or four pieces (the resampler holds back its filter's 40 ms), no chunk.
    live.accept(audio, 0, 2 * 48000);
    assertThat(publisher.chunks()).isEmpty();
    assertThat(pieces).hasSizeBetween(3, 4);
    assertThat(pieces).allSatisfy(p -> assertThat(p.sampleCount()).isEqualTo(8000));
    live.accept(audio, 2 * 48000, audio.length - 2 * 48000);
    live.finish();

    // 25 s: 50 pieces of 8000 samples, and the last one marked, carrying what was left (nothing).
    assertThat(pieces).hasSize(51);
    assertThat(pieces).extracting(LivePiece::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(pieces.get(50).last()).isTrue();
    assertThat(pieces.get(50).sampleCount()).isZero();
    assertThat(pieces.subList(0, 50)).noneMatch(LivePiece::last);
    var joined = new java.io.ByteArrayOutputStream();
    long offset = 0;
    for (LivePiece piece : pieces) {
      assertThat(piece.offsetSamples()).isEqualTo(offset);
      offset += piece.sampleCount();
      joined.writeBytes(piece.payload());
    }
    var chunks = new java.io.ByteArrayOutputStream();
    publisher.chunks().forEach(c -> chunks.writeBytes(c.payload()));
    assertThat(joined.toByteArray()).isEqualTo(chunks.toByteArray());
  }

  @Test
  void aStreamCutOffStillEndsItsPieces() throws Exception {
    List<LivePiece> pieces = new ArrayList<>();
    LiveRecording live = startWithPieces(pieces, Duration.ofMillis(1000));
    float[] audio = Signals.speechLike(4, 48000, 48000 * 3 + 4800);
    live.accept(audio, 0, audio.length);

    live.interrupt("connection lost");
    live.abort(Rejection.STREAM_ABORTED, "and again");

    assertThat(pieces).extracting(LivePiece::last).containsExactly(false, false, false, true);
    assertThat(pieces.get(3).sampleCount()).isEqualTo(1600);
  }

  @Test
  void aPieceLengthOutsideItsRangeIsRefusedByName() {
    assertThatThrownBy(() -> new LiveRecording.Captions((r, p) -> {}, Duration.ofMillis(50)))
        .hasMessageContaining("ingest.live.piece-duration");
    assertThat(new LiveRecording.Captions((r, p) -> {}, Duration.ZERO).enabled()).isFalse();
  }

  @Test
  void anAbortedStreamEndsFailedAndKeepsWhatWasPublished() throws Exception {
    LiveRecording live = start(TestSettings.defaults());
    float[] audio = Signals.speechLike(4, 48000, 48000 * 15);
    live.accept(audio, 0, audio.length);

    live.abort(Rejection.STREAM_ABORTED, "connection lost");

    assertThat(publisher.types()).containsExactly("STARTED", "CHUNK", "FAILED");
    assertThat(publisher.last().reason()).isEqualTo("connection lost");
    assertThat(publisher.last().totals().chunks()).isEqualTo(1);
    assertThat(live.isEnded()).isTrue();
  }

  @Test
  void anInterruptedStreamPublishesWhatArrivedBeforeItsFailedEvent() throws Exception {
    LiveRecording live = start(TestSettings.defaults());
    float[] audio = Signals.speechLike(4, 48000, 48000 * 15);
    live.accept(audio, 0, audio.length);

    live.interrupt("connection lost");

    assertThat(publisher.types()).containsExactly("STARTED", "CHUNK", "CHUNK", "FAILED");
    assertThat(publisher.last().rejection()).isEqualTo(Rejection.STREAM_ABORTED);
    assertThat(publisher.last().totals().chunks()).isEqualTo(2);
    assertThat(publisher.last().totals().seconds()).isEqualTo(15.0);
  }

  @Test
  void aStreamLongerThanTheLimitIsStoppedAsTooLong() throws Exception {
    var settings =
        TestSettings.with(
            TestSettings.pipeline(Trimming.disabled()),
            Normalization.none(),
            PcmEncoding.PCM_S16LE,
            Duration.ofSeconds(5));
    LiveRecording live = start(settings);
    float[] second = Signals.sine(200, 48000, 48000, 0.3);

    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 10; i++) {
                live.accept(second, 0, second.length);
              }
            })
        .isInstanceOfSatisfying(
            IngestException.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.TOO_LONG));
  }

  @Test
  void aStreamCutOffByAnOutageEndsFailedWithItsReasonOnceKafkaIsBack() throws Exception {
    LiveRecording live = start(TestSettings.defaults());
    publisher.outageFromChunk = 1;
    publisher.failedRefusals = 2;
    float[] audio = Signals.speechLike(9, 48000, 48000 * 25);

    IngestException failure =
        catchThrowableOfType(
            IngestException.class,
            () -> {
              live.accept(audio, 0, audio.length);
              live.finish();
            });

    assertThat(failure.rejection()).isEqualTo(Rejection.KAFKA_UNAVAILABLE);
    assertThat(failure.getMessage()).endsWith("will be marked FAILED as soon as Kafka is back");
    await().atMost(Duration.ofSeconds(5)).until(() -> publisher.count("FAILED") == 1);
    assertThat(publisher.types()).containsExactly("STARTED", "CHUNK", "FAILED");
    assertThat(publisher.last().totals().chunks()).isEqualTo(1);
  }

  @Test
  void aStreamThatKafkaDoesNotAcknowledgeIsNotStarted() {
    var refusing = new RecordedPublisher();
    refusing.failStarted = true;

    assertThatThrownBy(
            () ->
                LiveRecording.start(
                    TestSettings.defaults(),
                    refusing,
                    TestSettings.outbox(refusing),
                    IngestListener.NONE,
                    "x",
                    RecordingSource.of(Origin.STREAM, "d"),
                    format,
                    LiveRecording.Captions.OFF))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.PUBLISH_FAILED));
  }
}
