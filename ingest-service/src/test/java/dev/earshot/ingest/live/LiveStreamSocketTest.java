package dev.earshot.ingest.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.WavBytes;
import dev.earshot.ingest.KafkaOutput;
import dev.earshot.ingest.TestAudio;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.LiveAudio;
import dev.earshot.schema.RecordingEvent;
import dev.earshot.schema.RecordingEventType;
import dev.earshot.schema.SourceKind;
import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.Json;
import dev.earshot.testbroker.TestBrokerResource;
import dev.earshot.testbroker.TestChunks;
import dev.earshot.testbroker.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestBrokerResource.class)
class LiveStreamSocketTest {

  @TestHTTPResource("/recordings/live")
  URI endpoint;

  private final KafkaOutput kafka = new KafkaOutput();

  private URI uri(String query) {
    return URI.create(endpoint.toString().replaceFirst("^http", "ws") + "?" + query);
  }

  @Test
  void chunksReachKafkaWhileTheDeviceIsStillSendingAndEndFinishesTheRecording() throws Exception {
    float[] audio = TestAudio.stereo(25, 48000);
    byte[] pcm = WavBytes.encode(audio, WavBytes.Format.S16);
    WsClient device =
        WsClient.connect(
            uri("sampleRate=48000&channels=2&format=s16le&name=porch&device=edge-3&captions=false"),
            "test-upload-key-0123");
    var started = device.next("started");
    assertThat(started.get("captions").asBoolean()).isFalse();
    String id = started.get("recordingId").asText();

    int frame = 48000 * 2 * 2 / 10;
    int sent = 0;
    for (; sent < 13 * 10 * frame; sent += frame) {
      device.send(pcm, sent, sent + frame);
    }
    assertThat(device.next("chunk").get("sequence").asInt()).isZero();
    var onKafkaMidStream =
        new TopicReader()
            .readUntil(
                KafkaOutput.CHUNKS,
                r -> id.equals(r.key()),
                got -> !got.isEmpty(),
                Duration.ofSeconds(30));
    assertThat(onKafkaMidStream).hasSize(1);
    assertThat(device.closed).isNotDone();
    // The live pieces for captions are there too, long before the first chunk's 12 s.
    var piecesMidStream =
        new TopicReader()
            .readUntil(
                KafkaOutput.LIVE_AUDIO,
                r -> id.equals(r.key()),
                got -> got.size() >= 20,
                Duration.ofSeconds(30));
    assertThat(piecesMidStream).hasSizeGreaterThanOrEqualTo(20);

    for (; sent < pcm.length; sent += frame) {
      device.send(pcm, sent, Math.min(pcm.length, sent + frame));
    }
    device.socket.sendText("end", true).join();
    var finished = device.next("finished");

    assertThat(finished.get("captionsPending").asBoolean()).isFalse();
    assertThat(finished.get("chunks").asInt()).isEqualTo(3);
    assertThat(finished.get("durationSeconds").asDouble()).isEqualTo(25.0);
    assertThat(device.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    List<AudioChunk> chunks = kafka.chunksOf(id);
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0).getSource().getKind()).isEqualTo(SourceKind.STREAM);
    assertThat(chunks.get(0).getSource().getDevice()).isEqualTo("edge-3");
    assertThat(KafkaOutput.concatenatedPayload(chunks))
        .isEqualTo(
            TestAudio.expectedPayload(WavBytes.of(WavBytes.Format.S16, 2, 48000, audio).build()));
    assertThat(kafka.eventsOf(id, RecordingEventType.FINISHED))
        .extracting(RecordingEvent::getType)
        .containsExactly(RecordingEventType.STARTED, RecordingEventType.FINISHED);
    // Half-second pieces of the same 16 kHz audio, the last one marked.
    List<LiveAudio> pieces = kafka.piecesOf(id);
    assertThat(pieces).extracting(LiveAudio::getSequence).isSorted().doesNotHaveDuplicates();
    assertThat(pieces.get(0).getSampleRate()).isEqualTo(16000);
    assertThat(pieces.get(0).getPayload().remaining()).isEqualTo(16000);
    assertThat(pieces.get(pieces.size() - 1).getLast()).isTrue();
    var joined = new java.io.ByteArrayOutputStream();
    for (LiveAudio piece : pieces) {
      joined.writeBytes(
          java.util.Arrays.copyOfRange(
              piece.getPayload().array(),
              piece.getPayload().arrayOffset() + piece.getPayload().position(),
              piece.getPayload().arrayOffset() + piece.getPayload().limit()));
    }
    assertThat(joined.toByteArray()).isEqualTo(KafkaOutput.concatenatedPayload(chunks));
  }

  @Test
  void theStreamsLiveCaptionsComeBackOnItsConnectionAndItClosesAfterTheLastOne() throws Exception {
    byte[] pcm = WavBytes.encode(TestAudio.stereo(2, 16000), WavBytes.Format.S16);
    // While the only STT worker announced does not caption, no last caption is waited for.
    announce(false);
    WsClient early = WsClient.connect(uri("sampleRate=16000&channels=2"), "test-upload-key-0123");
    assertThat(early.next("started").get("captions").asBoolean()).isTrue();
    early.send(pcm, 0, pcm.length);
    early.socket.sendText("end", true).join();
    assertThat(early.next("finished").get("captionsPending").asBoolean()).isFalse();
    assertThat(early.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    announce(true);

    WsClient device = WsClient.connect(uri("sampleRate=16000&channels=2"), "test-upload-key-0123");
    var started = device.next("started");
    assertThat(started.get("captions").asBoolean()).isTrue();
    String id = started.get("recordingId").asText();
    WsClient quiet =
        WsClient.connect(uri("sampleRate=16000&channels=2&captions=false"), "test-upload-key-0123");
    String quietId = quiet.next("started").get("recordingId").asText();
    device.send(pcm, 0, pcm.length);
    quiet.send(pcm, 0, pcm.length);

    // stt-service's captioner writes these; here the test does, on the real topic, including one
    // for a stream whose device did not ask for them.
    publishCaption(new Caption(id, 0, "", "and so my", 0, 1.0, false, MODEL, now()));
    publishCaption(new Caption(quietId, 0, "", "not for you", 0, 1.0, false, MODEL, now()));
    publishCaption(new Caption(id, 1, "and so my", "fellow", 3, 2.0, false, MODEL, now()));
    var first = device.next("caption");
    assertThat(first.get("recording_id").asText()).isEqualTo(id);
    assertThat(first.get("sequence").asInt()).isZero();
    assertThat(first.get("partial").asText()).isEqualTo("and so my");
    var second = device.next("caption");
    assertThat(second.get("committed").asText()).isEqualTo("and so my");
    assertThat(second.get("committed_words").asInt()).isEqualTo(3);
    assertThat(second.get("model").asText()).isEqualTo(MODEL);

    device.socket.sendText("end", true).join();
    assertThat(device.next("finished").get("captionsPending").asBoolean()).isTrue();
    // The captioner is still decoding the stream's tail: the connection waits for it.
    assertThatThrownBy(() -> device.closed.get(2, TimeUnit.SECONDS))
        .isInstanceOf(java.util.concurrent.TimeoutException.class);
    publishCaption(new Caption(id, 2, "fellow Americans", "", 5, 2.0, true, MODEL, now()));
    var last = device.next("caption");
    assertThat(last.get("last").asBoolean()).isTrue();
    assertThat(last.get("committed").asText()).isEqualTo("fellow Americans");
    assertThat(device.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);

    quiet.socket.sendText("end", true).join();
    assertThat(quiet.next("finished").get("captionsPending").asBoolean()).isFalse();
    assertThat(quiet.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
    assertThat(quiet.received).noneMatch(m -> m.path("type").asText().equals("caption"));
    assertThat(device.received)
        .filteredOn(m -> m.path("type").asText().equals("caption"))
        .extracting(m -> m.get("sequence").asInt())
        .containsExactly(0, 1, 2);
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern("earshot_ingest_captions_forwarded_total(\\{[^}]*})? [3-9]");
  }

  private static final String MODEL = "openai/whisper-tiny";

  /** Announces {@link #MODEL} as an STT worker does, and waits until ingest lists it so. */
  private static void announce(boolean captions) throws Exception {
    var served =
        new dev.earshot.schema.result.ServedModel(
            MODEL, "sha256:test", "abc", List.of("en"), false, now(), captions);
    TestChunks.publish(
        "earshot.models",
        MODEL,
        Json.write(served).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String body =
                  given()
                      .header("Authorization", "Bearer test-upload-key-0123")
                      .get("/v1/models")
                      .asString();
              for (var m :
                  new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("data")) {
                if (m.path("id").asText().equals(MODEL)) {
                  return m.path("captions").asBoolean() == captions;
                }
              }
              return false;
            });
  }

  private static String now() {
    return java.time.Instant.now().toString();
  }

  private static void publishCaption(Caption caption) throws Exception {
    TestChunks.publish(
        "earshot.captions",
        caption.recordingId(),
        Json.write(caption).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aStreamCutOffWithoutTheEndKeepsItsAudioAndIsRecordedAsFailed() throws Exception {
    byte[] pcm = WavBytes.encode(TestAudio.stereo(2, 16000), WavBytes.Format.S16);
    WsClient device = WsClient.connect(uri("sampleRate=16000&channels=2"), "test-upload-key-0123");
    String id = device.next("started").get("recordingId").asText();
    device.send(pcm, 0, pcm.length);
    device.socket.sendText("{\"type\":\"status\"}", true).join();
    var status = device.next("status");
    assertThat(status.get("receivedSeconds").asDouble()).isEqualTo(2.0);
    assertThat(status.get("publishedChunks").asInt()).isZero();

    device.socket.abort();

    var events = kafka.eventsOf(id, RecordingEventType.FAILED);
    RecordingEvent failed = events.get(events.size() - 1);
    assertThat(failed.getReasonCode()).isEqualTo("STREAM_ABORTED");
    assertThat(failed.getChunkCount()).isEqualTo(1);
    assertThat(failed.getDurationSeconds()).isEqualTo(2.0);
    List<AudioChunk> chunks = kafka.chunksOf(id);
    assertThat(KafkaOutput.concatenatedPayload(chunks))
        .isEqualTo(TestAudio.expectedPayload(TestAudio.stereoWav(2, 16000)));
  }

  @Test
  void aWrongKeyAKeyInTheUrlOrABadFormatIsRefusedBeforeTheHandshake() {
    assertThatThrownBy(() -> WsClient.connect(uri("sampleRate=16000"), "guess"))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> {
              assertThat(e.getResponse().statusCode()).isEqualTo(401);
              assertThat(e.getResponse().headers().firstValue("X-Earshot-Error"))
                  .hasValue("invalid API key");
            });
    // A good key, but in the URL, where logs and proxies keep it: refused unless allowed.
    assertThatThrownBy(
            () -> WsClient.connect(uri("sampleRate=16000&apiKey=test-upload-key-0123"), null))
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> {
              assertThat(e.getResponse().statusCode()).isEqualTo(401);
              assertThat(e.getResponse().headers().firstValue("X-Earshot-Error").orElseThrow())
                  .contains("ingest.http.allow-key-in-url");
            });
    assertThatThrownBy(() -> WsClient.connect(uri("channels=2"), "test-upload-key-0123"))
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> {
              assertThat(e.getResponse().statusCode()).isEqualTo(400);
              assertThat(e.getResponse().headers().firstValue("X-Earshot-Error").orElseThrow())
                  .contains("sampleRate is required");
            });
  }
}
