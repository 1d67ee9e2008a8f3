package dev.earshot.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.Signals;
import dev.earshot.audio.WavBytes;
import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.ingest.KafkaOutput;
import dev.earshot.ingest.TestAudio;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.RecordingEvent;
import dev.earshot.schema.RecordingEventType;
import dev.earshot.schema.SampleEncoding;
import dev.earshot.schema.SourceKind;
import dev.earshot.testbroker.TestBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(TestBrokerResource.class)
class UploadResourceTest {

  private static final String KEY = "test-upload-key-0123";
  private final KafkaOutput kafka = new KafkaOutput();

  private static ExtractableResponse<Response> upload(byte[] body, String contentType) {
    return given()
        .header(ApiKeys.HEADER, KEY)
        .contentType(contentType)
        .body(body)
        .post("/recordings")
        .then()
        .extract();
  }

  @Test
  void aWavUploadIsAcceptedAndItsChunksConcatenateToTheResampledAudio() {
    byte[] wav = TestAudio.stereoWav(25, 48000);

    var response =
        given()
            .header(ApiKeys.HEADER, KEY)
            .contentType("audio/wav")
            .queryParam("name", "kitchen.wav")
            .queryParam("device", "edge-7")
            .queryParam("capturedAt", "2026-11-21T10:00:00Z")
            .body(wav)
            .post("/recordings")
            .then()
            .statusCode(202)
            .body("chunks", equalTo(3))
            .body("durationSeconds", equalTo(25.0f))
            .body("inputFormat", equalTo("WAV PCM 16-bit, 48000 Hz, 2 ch"))
            .body("chunkTopic", equalTo(KafkaOutput.CHUNKS))
            .extract();
    String id = response.path("recordingId");
    assertThat(response.header("Location")).isEqualTo("http://localhost:8083/api/recordings/" + id);
    assertThat(response.<String>path("results")).isEqualTo(response.header("Location"));

    List<AudioChunk> chunks = kafka.chunksOf(id);
    assertThat(chunks).extracting(AudioChunk::getSequence).containsExactly(0, 1, 2);
    assertThat(chunks).extracting(AudioChunk::getLast).containsExactly(false, false, true);
    assertThat(chunks)
        .allSatisfy(
            c -> {
              assertThat(c.getSampleRate()).isEqualTo(16000);
              assertThat(c.getEncoding()).isEqualTo(SampleEncoding.PCM_S16LE);
              assertThat(c.getDurationSeconds()).isLessThanOrEqualTo(30.0);
              assertThat(c.getSource().getKind()).isEqualTo(SourceKind.UPLOAD);
              assertThat(c.getSource().getName()).isEqualTo("kitchen.wav");
              assertThat(c.getSource().getDevice()).isEqualTo("edge-7");
              assertThat(c.getSource().getCaptureTime())
                  .isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
              assertThat(c.getSource().getOriginalSampleRate()).isEqualTo(48000);
            });
    assertThat(chunks.get(1).getOffsetSeconds())
        .isCloseTo(chunks.get(0).getDurationSeconds(), within(1e-9));
    assertThat(KafkaOutput.concatenatedPayload(chunks)).isEqualTo(TestAudio.expectedPayload(wav));
    assertThat(kafka.partitionsOf(id)).hasSize(1);

    List<RecordingEvent> events = kafka.eventsOf(id, RecordingEventType.FINISHED);
    assertThat(events)
        .extracting(RecordingEvent::getType)
        .containsExactly(RecordingEventType.STARTED, RecordingEventType.FINISHED);
    assertThat(events.get(1).getChunkCount()).isEqualTo(3);
    assertThat(events.get(1).getDurationSeconds()).isCloseTo(25.0, within(1e-9));
  }

  @Test
  void sixteenKilohertzMonoSpeechPassesThroughBitForBit() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    byte[] wav = Files.readAllBytes(jfk);

    String id = upload(wav, "audio/wav").path("recordingId");

    assertThat(KafkaOutput.concatenatedPayload(kafka.chunksOf(id))).isEqualTo(dataChunkOf(wav));
  }

  static Stream<Arguments> compressedFixtures() {
    return Stream.of(
        Arguments.of("sine440-44k-stereo.flac", "FLAC"),
        Arguments.of("sine440-44k-stereo.ogg", "Vorbis"),
        Arguments.of("sine440-44k-stereo.mp3", "MPEG-1 Layer III"),
        Arguments.of("sine440-22k-mono.mp3", "Layer III"),
        Arguments.of("sine440-8k-mono.aiff", "AIFF"),
        Arguments.of("sine440-8k-mono.au", "AU"));
  }

  @ParameterizedTest
  @MethodSource("compressedFixtures")
  void everySupportedFormatBecomesOneSecondOf440HzAtSixteenKilohertz(String fixture, String codec) {
    var response = upload(TestAudio.fixture(fixture), "application/octet-stream");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.<String>path("inputFormat")).contains(codec);

    List<AudioChunk> chunks = kafka.chunksOf(response.path("recordingId"));
    float[] samples =
        PcmCodec.decode(KafkaOutput.concatenatedPayload(chunks), PcmEncoding.PCM_S16LE);
    assertThat(samples.length / 16000.0).isCloseTo(1.0, within(0.01));
    assertThat(Signals.dominantFrequency(samples, 1600, 14400, 16000, 300, 600))
        .isCloseTo(440.0, within(2.0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Front_Center.wav", "Noise.wav"})
  void realFortyEightKilohertzRecordingsAreAccepted(String name) throws Exception {
    Path folder = AssetCache.atDefaultLocation().fetchAll(Catalog.ALSA_SOUNDS);
    byte[] wav = Files.readAllBytes(folder.resolve(name));

    var response = upload(wav, "audio/wav");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(KafkaOutput.concatenatedPayload(kafka.chunksOf(response.path("recordingId"))))
        .isEqualTo(TestAudio.expectedPayload(wav));
  }

  @Test
  void realOggVorbisEventSoundsAreAccepted() throws Exception {
    Path folder = AssetCache.atDefaultLocation().fetchAll(Catalog.FREEDESKTOP_SOUNDS);
    List<Path> sounds;
    try (var list = Files.list(folder)) {
      sounds = list.filter(p -> p.toString().endsWith(".oga")).sorted().limit(3).toList();
    }
    assertThat(sounds).hasSize(3);
    for (Path sound : sounds) {
      var response = upload(Files.readAllBytes(sound), "audio/ogg");
      assertThat(response.statusCode()).as(sound.toString()).isEqualTo(202);
      assertThat(response.<String>path("inputFormat")).contains("Vorbis");
      assertThat(kafka.chunksOf(response.path("recordingId"))).isNotEmpty();
    }
  }

  @Test
  void aMultipartFormUploadTakesTheFileName() {
    String id =
        given()
            .header(ApiKeys.HEADER, "second-upload-key-0123")
            .multiPart("file", "porch.flac", TestAudio.fixture("sine440-44k-stereo.flac"))
            .post("/recordings")
            .then()
            .statusCode(202)
            .extract()
            .path("recordingId");

    assertThat(kafka.chunksOf(id).get(0).getSource().getName()).isEqualTo("porch.flac");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndPublishesNothingAgain() throws Exception {
    byte[] wav = Files.readAllBytes(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV));
    String key = "jfk-" + UUID.randomUUID();

    var first = keyedUpload(key, wav);
    var retry = keyedUpload(key, wav);

    assertThat(first.statusCode()).isEqualTo(202);
    String id = first.path("recordingId");
    assertThat(id).isEqualTo(IdempotentUploads.recordingId(KEY, key));
    assertThat(first.header(IdempotentUploads.REPLAYED_HEADER)).isNull();
    assertThat(retry.statusCode()).isEqualTo(202);
    assertThat(retry.header(IdempotentUploads.REPLAYED_HEADER)).isEqualTo("true");
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.asString()).isEqualTo(first.asString());
    kafka.eventsOf(id, RecordingEventType.FINISHED);
    assertThat(kafka.eventsNow(id))
        .extracting(RecordingEvent::getType)
        .containsExactly(RecordingEventType.STARTED, RecordingEventType.FINISHED);
    assertThat(kafka.chunkCountNow(id)).isEqualTo(first.<Integer>path("chunks").longValue());
  }

  @Test
  void anIdempotencyKeyThatCameWithOtherAudioIsRefusedWith422() {
    String key = "edge-7/" + UUID.randomUUID();
    assertThat(keyedUpload(key, TestAudio.stereoWav(1, 16000)).statusCode()).isEqualTo(202);

    var other = keyedUpload(key, TestAudio.stereoWav(2, 16000));

    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.<String>path("error")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(other.<String>path("message"))
        .contains("Idempotency-Key came with different audio before");
    assertThat(other.<String>path("recordingId"))
        .isEqualTo(IdempotentUploads.recordingId(KEY, key));
  }

  @Test
  void aMalformedIdempotencyKeyIsRefusedWith400NamingTheHeader() {
    var tooLong = keyedUpload("x".repeat(256), TestAudio.stereoWav(1, 16000));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.<String>path("error")).isEqualTo("BAD_REQUEST");
    assertThat(tooLong.<String>path("message"))
        .isEqualTo("Idempotency-Key must be 1 to 255 characters long, got 256");
    given()
        .header(ApiKeys.HEADER, KEY)
        .header(IdempotentUploads.HEADER, "bad\tkey")
        .multiPart("file", "porch.flac", TestAudio.fixture("sine440-44k-stereo.flac"))
        .post("/recordings")
        .then()
        .statusCode(400)
        .body("message", containsString("Idempotency-Key must be printable ASCII"));
  }

  @Test
  void aMultipartUploadTakesAnIdempotencyKeyToo() {
    String key = UUID.randomUUID().toString();
    byte[] flac = TestAudio.fixture("sine440-44k-stereo.flac");
    Supplier<ExtractableResponse<Response>> send =
        () ->
            given()
                .header(ApiKeys.HEADER, KEY)
                .header(IdempotentUploads.HEADER, key)
                .multiPart("file", "porch.flac", flac)
                .post("/recordings")
                .then()
                .extract();

    var first = send.get();
    var retry = send.get();

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(retry.statusCode()).isEqualTo(202);
    assertThat(retry.header(IdempotentUploads.REPLAYED_HEADER)).isEqualTo("true");
    assertThat(retry.<String>path("recordingId"))
        .isEqualTo(first.<String>path("recordingId"))
        .isEqualTo(IdempotentUploads.recordingId(KEY, key));
  }

  private static ExtractableResponse<Response> keyedUpload(String key, byte[] body) {
    return given()
        .header(ApiKeys.HEADER, KEY)
        .header(IdempotentUploads.HEADER, key)
        .contentType("audio/wav")
        .body(body)
        .post("/recordings")
        .then()
        .extract();
  }

  static Stream<Arguments> badInputs() {
    byte[] good = TestAudio.stereoWav(2, 16000);
    float[] tone = Signals.sine(440, 16000, 16000, 0.5);
    byte[] flac = TestAudio.fixture("sine440-44k-stereo.flac");
    byte[] random = new byte[5000];
    new Random(3).nextBytes(random);
    random[0] = 0x13;
    return Stream.of(
        bad("empty", () -> new byte[0], 400, "EMPTY", "empty"),
        bad(
            "truncated WAV",
            () -> Arrays.copyOf(good, good.length / 2),
            400,
            "TRUNCATED",
            "truncated"),
        bad("random bytes", () -> random, 415, "NOT_AUDIO", "not a recognised audio format"),
        bad("PDF", () -> "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(), 415, "NOT_AUDIO", "%PDF"),
        bad(
            "ADPCM WAV",
            () -> WavBytes.of(WavBytes.Format.S16, 1, 16000, tone).format(0x11, 4).build(),
            415,
            "UNSUPPORTED_CODEC",
            "0x0011"),
        bad(
            "zero channels",
            () -> WavBytes.of(WavBytes.Format.S16, 1, 16000, tone).channels(0).build(),
            400,
            "INVALID_HEADER",
            "0 channels"),
        bad(
            "sample rate 0",
            () -> WavBytes.of(WavBytes.Format.S16, 1, 16000, tone).sampleRate(0).build(),
            400,
            "INVALID_HEADER",
            "0 Hz"),
        bad(
            "sample rate 10 MHz",
            () -> WavBytes.of(WavBytes.Format.S16, 1, 16000, tone).sampleRate(10_000_000).build(),
            400,
            "INVALID_HEADER",
            "10000000 Hz"),
        bad(
            "Opus in Ogg",
            () -> TestAudio.fixture("sine440-opus.ogg"),
            415,
            "UNSUPPORTED_CODEC",
            "Opus"),
        bad("truncated FLAC", () -> Arrays.copyOf(flac, flac.length / 2), 400, null, "FLAC"));
  }

  private static Arguments bad(
      String name, Supplier<byte[]> body, int status, String error, String message) {
    return Arguments.of(name, body, status, error, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badAudioIsRefusedPreciselyWithAFailedEventAndNoChunks(
      String name, Supplier<byte[]> body, int status, String error, String message) {
    var response = upload(body.get(), "application/octet-stream");

    assertThat(response.statusCode()).isEqualTo(status);
    String code = response.path("error");
    if (error != null) {
      assertThat(code).isEqualTo(error);
    } else {
      assertThat(code).isIn("TRUNCATED", "CORRUPT");
    }
    assertThat(response.<String>path("message")).contains(message);
    String id = response.path("recordingId");
    assertThat(id).isNotNull();
    List<RecordingEvent> events = kafka.eventsOf(id, RecordingEventType.FAILED);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getReasonCode()).isEqualTo(code);
              assertThat(e.getChunkCount()).isZero();
            });
    assertThat(kafka.chunkCountNow(id)).isZero();
  }

  @Test
  void aMissingOrWrongApiKeyIsRefusedWith401() {
    byte[] wav = TestAudio.stereoWav(1, 16000);

    given()
        .contentType("audio/wav")
        .body(wav)
        .post("/recordings")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString(ApiKeys.HEADER))
        .body("error", equalTo("UNAUTHORIZED"))
        .body("message", containsString("missing API key"));
    given()
        .header(ApiKeys.HEADER, "guess")
        .contentType("audio/wav")
        .body(wav)
        .post("/recordings")
        .then()
        .statusCode(401)
        .body("message", equalTo("invalid API key"))
        .body("recordingId", equalTo(null));
    // The right key in the URL is still refused: logs and proxies keep URLs.
    given()
        .contentType("audio/wav")
        .body(wav)
        .post("/recordings?apiKey=" + KEY)
        .then()
        .statusCode(401)
        .body("message", containsString("ingest.http.allow-key-in-url"));
  }

  @Test
  void aBearerTokenIsAsGoodAsTheApiKeyHeader() {
    given()
        .header("Authorization", "Bearer " + KEY)
        .contentType("audio/wav")
        .body(TestAudio.stereoWav(1, 16000))
        .post("/recordings")
        .then()
        .statusCode(202);
  }

  @Test
  void anUploadOverTheSizeLimitIsRefusedWith413() {
    byte[] big = new byte[9 * 1024 * 1024 - 4096];

    var response = upload(big, "audio/wav");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.<String>path("message")).contains("larger than the limit of 8388608 bytes");
  }

  @Test
  void aBadCaptureTimeIsRefusedNamingTheValue() {
    given()
        .header(ApiKeys.HEADER, KEY)
        .queryParam("capturedAt", "yesterday")
        .contentType("audio/wav")
        .body(TestAudio.stereoWav(1, 16000))
        .post("/recordings")
        .then()
        .statusCode(400)
        .body("error", equalTo("BAD_REQUEST"))
        .body("message", containsString("'yesterday'"));
  }

  @Test
  void metricsCountChunksAudioBytesRejectionsAndPublishLatency() {
    upload(TestAudio.stereoWav(3, 16000), "audio/wav");
    given().contentType("audio/wav").body(new byte[10]).post("/recordings");

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics)
        .contains("earshot_ingest_chunks_total{source=\"upload\"}")
        .contains("earshot_ingest_audio_seconds_total{source=\"upload\"}")
        .contains("earshot_ingest_bytes_total{source=\"upload\"}")
        .contains("earshot_ingest_recordings_total{outcome=\"finished\",source=\"upload\"}")
        .contains("earshot_ingest_publish_latency_seconds_count")
        .contains("earshot_ingest_pending_events 0.0")
        .containsPattern("earshot_ingest_rejections_total\\{reason=\"UNAUTHORIZED\"} [1-9]");
  }

  @Test
  void readinessReportsTheBroker() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'kafka' }.data.brokers", equalTo(1))
        .body("checks.find { it.name == 'kafka' }.data.topics", equalTo(true));
    given().get("/q/health/live").then().statusCode(200).body("status", notNullValue());
  }

  /** The bytes of a WAV file's data chunk. */
  private static byte[] dataChunkOf(byte[] wav) {
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    b.position(12);
    while (b.remaining() >= 8) {
      String id = new String(wav, b.position(), 4, java.nio.charset.StandardCharsets.US_ASCII);
      b.position(b.position() + 4);
      int size = b.getInt();
      if (id.equals("data")) {
        return Arrays.copyOfRange(wav, b.position(), b.position() + size);
      }
      b.position(b.position() + size + (size & 1));
    }
    throw new AssertionError("no data chunk");
  }
}
