package dev.earshot.stt.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.Transcript;
import dev.earshot.schema.result.Caption;
import dev.earshot.testbroker.TestBroker;
import dev.earshot.testbroker.TestBrokerResource;
import dev.earshot.testbroker.TestChunks;
import dev.earshot.testbroker.TopicReader;
import dev.earshot.whisper.CpuFeatures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestBrokerResource.class)
class SttServiceTest {

  static final String CHUNKS = "earshot.audio-chunks";
  static final String TRANSCRIPTS = "earshot.transcripts";
  static final String DEAD_LETTERS = "earshot.dead-letters";
  static final String LIVE_AUDIO = "earshot.live-audio";
  static final String CAPTIONS = "earshot.captions";

  private final TopicReader reader = new TopicReader();

  static AudioChunk chunk(
      String recording, int sequence, double offset, float[] samples, boolean last) {
    return chunk(recording, sequence, offset, samples, last, 16000);
  }

  static AudioChunk chunk(
      String recording, int sequence, double offset, float[] samples, boolean last, int rate) {
    return TestChunks.chunk(recording, sequence, offset, samples, last, rate);
  }

  static void publish(String key, byte[] value) throws Exception {
    TestChunks.publish(key, value);
  }

  static byte[] avro(AudioChunk chunk) {
    return TestChunks.avro(chunk);
  }

  @Test
  void chunksAreTranscribedAndBadRecordsGoToTheDeadLetterTopicWhileTheRestGoOn() throws Exception {
    String recording = "rec-" + UUID.randomUUID();
    float[] jfk =
        AudioLoader.loadMono(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV), 16000);
    float[] libri =
        AudioLoader.loadMono(
            AssetCache.atDefaultLocation()
                .fetchAll(Catalog.LIBRIVOX)
                .resolve("sense_and_sensibility_01_austen_64kb-0880.wav"),
            16000);

    publish(recording, avro(chunk(recording, 0, 0.0, jfk, false)));
    publish(recording, "not avro at all".getBytes(StandardCharsets.UTF_8));
    publish(recording, avro(chunk(recording, 1, 11.0, new float[1600], false, 0)));
    publish(recording, avro(chunk(recording, 2, 11.0, libri, false)));
    publish(
        recording,
        avro(chunk(recording, 3, 11.0 + libri.length / 16000.0, new float[16000 * 5], true)));

    var transcripts =
        reader.readUntil(
            TRANSCRIPTS,
            r -> recording.equals(r.key()),
            got -> got.size() >= 3,
            Duration.ofSeconds(180));
    var byChunk = transcripts.stream().map(r -> (Transcript) r.value()).toList();
    Transcript first =
        byChunk.stream().filter(t -> t.getChunkSequence() == 0).findFirst().orElseThrow();
    Transcript second =
        byChunk.stream().filter(t -> t.getChunkSequence() == 2).findFirst().orElseThrow();
    Transcript silence =
        byChunk.stream().filter(t -> t.getChunkSequence() == 3).findFirst().orElseThrow();
    // whisper-tiny hears JFK word for word on every processor measured (whisper's TranscriberTest).
    assertThat(plain(first.getText()))
        .as("the text on %s", CpuFeatures.host())
        .isEqualTo(
            "and so my fellow americans ask not what your country can do for you ask what you can"
                + " do for your country");
    assertThat(first.getModel().getId()).isEqualTo("openai/whisper-tiny");
    assertThat(first.getModel().getVersion()).startsWith("sha256:");
    assertThat(first.getTimings().getEncoderMs()).isPositive();
    assertThat(first.getTimings().getRealTimeFactor()).isPositive();
    assertThat(first.getTokens()).isPositive();
    assertThat(first.getLanguage()).isEqualTo("en");
    assertThat(second.getText())
        .as("the text on %s", CpuFeatures.host())
        .containsIgnoringCase("young man");
    assertThat(second.getSegments())
        .allSatisfy(s -> assertThat(s.getStart()).isGreaterThanOrEqualTo(11.0));
    // Word times are in the recording, as segment times are: the second chunk starts at 11 s.
    var words = second.getSegments().stream().flatMap(s -> s.getWords().stream()).toList();
    assertThat(words).isNotEmpty();
    assertThat(words)
        .allSatisfy(
            w -> {
              assertThat(w.getStart()).isBetween(11.0, w.getEnd());
              assertThat(w.getEnd()).isLessThanOrEqualTo(11.0 + libri.length / 16000.0);
              assertThat(w.getProbability()).isBetween(0f, 1f);
            });
    assertThat(first.getSegments().stream().mapToInt(s -> s.getWords().size()).sum())
        .as("JFK's words on %s", CpuFeatures.host())
        .isEqualTo(22);
    assertThat(silence.getText()).isEmpty();
    assertThat(silence.getSilent()).isTrue();
    assertThat(silence.getLastChunk()).isTrue();

    var dead =
        reader.readRaw(
            DEAD_LETTERS,
            r -> recording.equals(r.key()),
            got -> got.size() >= 2,
            Duration.ofSeconds(60));
    assertThat(dead).hasSize(2);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo("not avro at all");
    assertThat(header(dead.get(0), "dead-letter-reason"))
        .contains("Not an Avro single-object message");
    assertThat(header(dead.get(0), "dead-letter-topic")).isEqualTo(CHUNKS);
    assertThat(header(dead.get(1), "dead-letter-reason")).contains("impossible sample rate");
    assertThat(header(dead.get(1), "dead-letter-offset")).matches("\\d+");

    given().get("/q/metrics").then().statusCode(200);
    String metrics = given().get("/q/metrics").asString();
    assertThat(metrics)
        .containsPattern("earshot_stt_chunks_total\\{outcome=\"dead_letter\"} [2-9]")
        .contains("earshot_stt_stage_seconds_count{stage=\"encoder\"}")
        .contains("earshot_stt_real_time_factor_count")
        .contains("earshot_stt_tokens_per_second_count");
  }

  /**
   * JFK's 11 s as a live stream's half-second pieces, at twice real time: captions come on their
   * own topic, partial text before committed text, in sequence, and the last one commits the rest.
   */
  @Test
  void livePiecesBecomeCaptionsOnTheirOwnTopic() throws Exception {
    String recording = "live-" + UUID.randomUUID();
    float[] jfk =
        AudioLoader.loadMono(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV), 16000);
    int piece = 8000;
    int sequence = 0;
    for (int at = 0; at < jfk.length; at += piece) {
      float[] samples = java.util.Arrays.copyOfRange(jfk, at, Math.min(jfk.length, at + piece));
      var live =
          dev.earshot.schema.LiveAudio.newBuilder()
              .setRecordingId(recording)
              .setSequence(sequence++)
              .setOffsetSamples(at)
              .setSampleRate(16000)
              .setPayload(
                  java.nio.ByteBuffer.wrap(
                      dev.earshot.audio.chunk.PcmCodec.encode(
                          samples, dev.earshot.audio.chunk.PcmEncoding.PCM_S16LE)))
              .setLast(at + piece >= jfk.length)
              .setPublishedAt(java.time.Instant.now())
              .build();
      TestChunks.publish(
          LIVE_AUDIO,
          recording,
          new dev.earshot.schema.serde.AvroSerializer().serialize(LIVE_AUDIO, live));
      Thread.sleep(250);
    }

    var records =
        reader.readRaw(
            CAPTIONS,
            r -> recording.equals(r.key()),
            got -> got.stream().anyMatch(r -> caption(r.value()).last()),
            Duration.ofSeconds(120));
    var captions = records.stream().map(r -> caption(r.value())).toList();
    assertThat(captions).extracting(Caption::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(captions.get(0).sequence()).isZero();
    assertThat(captions).filteredOn(Caption::last).hasSize(1);
    assertThat(captions.get(captions.size() - 1).last()).isTrue();
    assertThat(captions.get(0).partial()).isNotEmpty();
    assertThat(captions.get(0).committed()).isEmpty();
    assertThat(captions.get(0).model()).isEqualTo("openai/whisper-tiny");
    String committed =
        String.join(
            " ", captions.stream().map(Caption::committed).filter(c -> !c.isEmpty()).toList());
    // whisper-tiny hears the whole of JFK word for word (above); the live captions hear at least
    // its middle, whatever the windows they were decoded in.
    assertThat(plain(committed))
        .as("the captions on %s", CpuFeatures.host())
        .contains("ask not what your country can do for you");
    assertThat(captions.get(captions.size() - 1).committedWords())
        .isEqualTo(committed.split("\\s+").length);

    // The captioner's own metrics count what it did; the stream is closed again.
    String metrics = given().get("/q/metrics").asString();
    assertThat(metrics)
        .containsPattern("earshot_stt_captions_total\\{kind=\"last\"} [1-9]")
        .containsPattern("earshot_stt_captions_total\\{kind=\"partial\"} [1-9]")
        .containsPattern("earshot_stt_caption_decode_seconds_count [1-9]")
        .contains("earshot_stt_live_streams 0.0");
  }

  private static Caption caption(byte[] json) {
    return dev.earshot.schema.result.Json.read(json, Caption.class);
  }

  @Test
  void offsetsAreCommittedOnceTheTranscriptsAreWritten() throws Exception {
    String recording = "rec-" + UUID.randomUUID();
    publish(recording, avro(chunk(recording, 0, 0, new float[16000 * 2], true)));
    reader.readUntil(
        TRANSCRIPTS,
        r -> recording.equals(r.key()),
        got -> !got.isEmpty(),
        Duration.ofSeconds(120));

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long lag = Long.MAX_VALUE;
      while (lag > 0 && System.nanoTime() < deadline) {
        var committed =
            admin.listConsumerGroupOffsets("earshot-stt").partitionsToOffsetAndMetadata().get();
        var ends =
            admin
                .listOffsets(
                    committed.keySet().stream()
                        .collect(
                            java.util.stream.Collectors.toMap(
                                tp -> tp,
                                tp -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                .all()
                .get();
        lag =
            committed.entrySet().stream()
                .mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset())
                .sum();
        Thread.sleep(500);
      }
      assertThat(lag).as("uncommitted chunks").isZero();
    }
  }

  @Test
  void readinessReportsTheModel() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.find { it.name == 'whisper-model' }.data.model", equalTo("openai/whisper-tiny"))
        .body("checks.find { it.name == 'whisper-model' }.data.device", equalTo("CPU"));
  }

  private static String header(
      org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String plain(String text) {
    return text.toLowerCase().replaceAll("[^\\p{L}\\p{N}' ]", "").replaceAll("\\s+", " ").strip();
  }
}
