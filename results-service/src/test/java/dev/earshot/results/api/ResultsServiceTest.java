package dev.earshot.results.api;

import static dev.earshot.results.Readers.reader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.results.PngChecks;
import dev.earshot.results.TestParts;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.topic.DeadLetterHeaders;
import dev.earshot.testbroker.TestBroker;
import dev.earshot.testbroker.TestBrokerResource;
import dev.earshot.testbroker.TestChunks;
import dev.earshot.testbroker.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.junit.jupiter.api.Test;

/** The join and the query API against the real broker, with records as the services write them. */
@QuarkusTest
@WithTestResource(TestBrokerResource.class)
class ResultsServiceTest {

  static final Map<String, Double> SPEECH = Map.of("speech", 0.92, "music", 0.05, "other", 0.03);
  static final Map<String, Double> UNKNOWN = Map.of("unknown", 0.8, "one", 0.15, "silence", 0.05);

  private final TopicReader reader = new TopicReader();

  static float[] tone(double hz, double seconds) {
    float[] s = new float[(int) (seconds * 16000)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16000.0));
    }
    return s;
  }

  /**
   * stt-service's captions reach a reader on the event stream as {@code caption} events, as they
   * were written; one is published every half second until the first arrives, since the feed starts
   * following the topic at its end some time after start-up.
   */
  @Test
  void liveCaptionsReachTheEventStream() throws Exception {
    DashboardTest.awaitReady();
    String id = "live-" + UUID.randomUUID();
    var http = java.net.http.HttpClient.newHttpClient();
    var events =
        http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:" + io.restassured.RestAssured.port + "/api/events"))
                    .header("Authorization", "Bearer " + dev.earshot.results.Readers.READ_KEY)
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines())
            .body()
            .iterator();
    var received = new java.util.concurrent.LinkedBlockingQueue<String>();
    Thread listener =
        new Thread(
            () -> {
              String event = null;
              while (events.hasNext()) {
                String line = events.next();
                if (line.startsWith("event:")) {
                  event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "caption".equals(event)) {
                  received.add(line.substring(5).strip());
                }
              }
            });
    listener.setDaemon(true);
    listener.start();

    JsonNode caption = null;
    for (int sequence = 0; caption == null && sequence < 120; sequence++) {
      var sent =
          new dev.earshot.schema.result.Caption(
              id,
              sequence,
              sequence == 0 ? "" : "ask not",
              "what your country",
              sequence == 0 ? 0 : 2,
              1.0 + sequence,
              false,
              "openai/whisper-tiny",
              java.time.Instant.now().toString());
      TestChunks.publish("earshot.captions", id, Json.write(sent).getBytes(StandardCharsets.UTF_8));
      String data = received.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
      while (data != null && caption == null) {
        JsonNode node = Json.MAPPER.readTree(data);
        if (id.equals(node.path("recording_id").asText())) {
          caption = node;
        }
        data = received.poll();
      }
    }
    assertThat(caption).as("a caption event").isNotNull();
    assertThat(caption.get("partial").asText()).isEqualTo("what your country");
    assertThat(caption.get("model").asText()).isEqualTo("openai/whisper-tiny");
    assertThat(caption.has("committed_words")).isTrue();
  }

  @Test
  void recordingIsJoinedPublishedAndServedWithItsPictures() throws Exception {
    // As the services do: publish once the join runs, so no test record creates an input topic
    // with the broker's default partition count.
    DashboardTest.awaitReady();
    String id = "rec-" + UUID.randomUUID();
    TestChunks.publish(
        "earshot.recording-events", id, TestParts.avro(TestParts.started(id, "talk.wav")));
    for (int chunk = 0; chunk < 2; chunk++) {
      double offset = chunk * 5.0;
      TestChunks.publish(
          id,
          TestChunks.avro(
              TestChunks.chunk(id, chunk, offset, tone(440 * (chunk + 1), 5), chunk == 1, 16000)));
      TestChunks.publish(
          "earshot.classifications",
          id,
          TestParts.avro(TestParts.classification(id, chunk, offset, 5, "digits", UNKNOWN, "d1")));
      TestChunks.publish(
          "earshot.transcripts",
          id,
          TestParts.avro(TestParts.transcript(id, chunk, offset, 5, "part " + chunk, "w1")));
      TestChunks.publish(
          "earshot.classifications",
          id,
          TestParts.avro(
              TestParts.classification(id, chunk, offset, 5, "sound-type", SPEECH, "s1")));
    }
    TestChunks.publish("earshot.transcripts", id, "garbage".getBytes(StandardCharsets.UTF_8));
    TestChunks.publish(
        "earshot.recording-events", id, TestParts.avro(TestParts.finished(id, "talk.wav", 2, 10)));

    var results =
        reader.readRaw(
            "earshot.results",
            r -> id.equals(r.key()),
            got -> !got.isEmpty(),
            Duration.ofSeconds(120));
    JsonNode result = Json.MAPPER.readTree(results.get(0).value());
    assertThat(result.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(result.get("transcription").asText()).isEqualTo("part 0 part 1");
    assertThat(result.get("predicted_label").asText()).isEqualTo("speech");
    assertThat(result.get("file").asText()).isEqualTo("talk.wav");

    var chunks =
        reader.readRaw(
            "earshot.chunk-results",
            r -> id.equals(r.key()),
            got -> got.size() >= 2,
            Duration.ofSeconds(30));
    assertThat(chunks).hasSize(2);

    var dead =
        reader.readRaw(
            "earshot.dead-letters",
            r -> id.equals(r.key()),
            got -> !got.isEmpty(),
            Duration.ofSeconds(30));
    assertThat(
            new String(
                dead.get(0).headers().lastHeader(DeadLetterHeaders.SERVICE).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("results-service");

    JsonNode served =
        Json.MAPPER.readTree(
            reader().get("/api/recordings/" + id).then().statusCode(200).extract().asString());
    assertThat(served.get("transcription").asText()).isEqualTo("part 0 part 1");
    assertThat(served.get("models").get("transcript").get(0).get("version").asText())
        .isEqualTo("w1");

    // Subtitles of the two 5 s chunks, one cue per segment (no word times in these transcripts).
    assertThat(
            reader()
                .get("/api/recordings/" + id + ".srt")
                .then()
                .statusCode(200)
                .contentType("application/x-subrip")
                .header("X-Earshot-Status", "COMPLETE")
                .extract()
                .asString())
        .isEqualTo(
            "1\n00:00:00,000 --> 00:00:05,000\npart 0\n\n"
                + "2\n00:00:05,000 --> 00:00:10,000\npart 1\n\n");
    assertThat(
            reader()
                .get("/api/recordings/" + id + ".vtt")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .isEqualTo(
            "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\npart 0\n\n"
                + "00:00:05.000 --> 00:00:10.000\npart 1\n\n");
    reader().get("/api/recordings/no-such-recording.srt").then().statusCode(404);

    JsonNode recent =
        Json.MAPPER.readTree(
            reader().get("/api/recordings?limit=500").then().statusCode(200).extract().asString());
    Set<String> ids = new HashSet<>();
    recent.forEach(r -> ids.add(r.get("recording_id").asText()));
    assertThat(ids).contains(id);

    for (String picture : new String[] {"spectrogram", "probabilities", "timeline"}) {
      byte[] png =
          reader()
              .get("/api/recordings/" + id + "/" + picture + ".png")
              .then()
              .statusCode(200)
              .contentType("image/png")
              .extract()
              .asByteArray();
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).as(picture).isNotNull();
      assertThat(image.getWidth()).isEqualTo(1200);
      assertThat(image.getHeight()).isEqualTo(500);
      assertThat(PngChecks.distinctColours(image)).as(picture + " is not blank").isGreaterThan(20);
      if (picture.equals("spectrogram")) {
        assertThat(PngChecks.inkInCentre(image))
            .as("the spectrogram draws the recording's audio, not 'no data'")
            .isGreaterThan(0.5);
      }
    }
    reader().get("/api/recordings/no-such-recording").then().statusCode(404);

    // exactly_once_v2: the join writes through transactional producers of the application.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
      assertThat(admin.listTransactions().all().get())
          .extracting(TransactionListing::transactionalId)
          .anyMatch(t -> t.startsWith("earshot-results-"));
    }
    reader().get("/api/recordings/" + id + "/nothing.png").then().statusCode(404);
  }
}
