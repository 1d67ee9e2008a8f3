package dev.earshot.classify.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.classify.TestAudio;
import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSettings;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.Classification;
import dev.earshot.schema.topic.DeadLetterHeaders;
import dev.earshot.testbroker.TestBrokerResource;
import dev.earshot.testbroker.TestChunks;
import dev.earshot.testbroker.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestBrokerResource.class)
class ClassifyServiceTest {

  static final String CHUNKS = "earshot.audio-chunks";
  static final String CLASSIFICATIONS = "earshot.classifications";
  static final String DEAD_LETTERS = "earshot.dead-letters";

  private final TopicReader reader = new TopicReader();

  static AudioChunk chunk(String recording, int sequence, float[] samples, int rate) {
    return TestChunks.chunk(recording, sequence, sequence, samples, false, rate);
  }

  @Test
  void everyClassifierLabelsEachChunkAndCorruptChunksGoToTheDeadLetterTopic() throws Exception {
    String recording = "rec-" + UUID.randomUUID();
    float[] speech = TestAudio.load(TestAudio.alsa().resolve("Front_Left.wav"));
    float[] bell = TestAudio.load(TestAudio.freedesktop().resolve("bell.oga"));

    TestChunks.publish(recording, TestChunks.avro(chunk(recording, 0, speech, 16000)));
    TestChunks.publish(recording, "not avro at all".getBytes(StandardCharsets.UTF_8));
    TestChunks.publish(recording, TestChunks.avro(chunk(recording, 1, new float[1600], 0)));
    TestChunks.publish(recording, TestChunks.avro(chunk(recording, 2, bell, 16000)));

    var records =
        reader.readUntil(
            CLASSIFICATIONS,
            r -> recording.equals(r.key()),
            got -> got.size() >= 6,
            Duration.ofSeconds(180));
    var all = records.stream().map(r -> (Classification) r.value()).toList();
    assertThat(all).hasSize(6);
    assertThat(all)
        .extracting(Classification::getClassifier)
        .containsOnly("sound-type", "digits", "channel");

    Classification channel = find(all, "channel", 0);
    // The same clips as BuiltinClassifiersTest, where the margins are measured.
    assertThat(channel.getLabel()).as(TestAudio.on("zero-shot channel")).isEqualTo("front left");
    assertThat(channel.getModel().getId()).isEqualTo("zero-shot/openai/whisper-tiny");

    Classification speechType = find(all, "sound-type", 0);
    assertThat(speechType.getLabel()).as(TestAudio.on("sound type of a word")).isEqualTo("speech");
    assertThat(find(all, "sound-type", 2).getLabel())
        .as(TestAudio.on("sound type of a bell"))
        .isNotEqualTo("speech");
    assertThat(speechType.getModel().getVersion()).startsWith("sha256:");
    assertThat(speechType.getProbabilities())
        .extracting(p -> p.getLabel())
        .containsExactlyInAnyOrder("speech", "music", "other");
    assertThat(speechType.getProbabilities().get(0).getProbability())
        .isEqualTo(speechType.getConfidence())
        .isGreaterThanOrEqualTo(speechType.getProbabilities().get(1).getProbability());
    float sum = 0;
    for (var p : speechType.getProbabilities()) {
      sum += p.getProbability();
    }
    assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-3f));
    List<String> names = new FeatureExtractor(FeatureSettings.DEFAULT).featureNames();
    assertThat(speechType.getFeatures().getNames()).isEqualTo(names);
    assertThat(speechType.getFeatures().getValues()).hasSize(names.size());
    assertThat(speechType.getFeatures().getSeries())
        .extracting(s -> s.getName())
        .contains("rms", "pitch", "centroid");
    assertThat(speechType.getTimings().getFeatureMs()).isPositive();
    assertThat(speechType.getTimings().getTotalMs())
        .isGreaterThanOrEqualTo(speechType.getTimings().getInferenceMs());
    assertThat(find(all, "digits", 0).getProbabilities()).hasSize(12);

    var dead =
        reader.readRaw(
            DEAD_LETTERS,
            r -> recording.equals(r.key()),
            got -> got.size() >= 2,
            Duration.ofSeconds(60));
    assertThat(dead).hasSize(2);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo("not avro at all");
    assertThat(header(dead.get(0), DeadLetterHeaders.REASON))
        .contains("Not an Avro single-object message");
    assertThat(header(dead.get(0), DeadLetterHeaders.SERVICE)).isEqualTo("classify-service");
    assertThat(header(dead.get(1), DeadLetterHeaders.REASON)).contains("impossible sample rate");

    String metrics = given().get("/q/metrics").asString();
    assertThat(metrics)
        .containsPattern("earshot_classify_chunks_total\\{outcome=\"dead_letter\"} [2-9]")
        .containsPattern("earshot_classify_chunks_total\\{outcome=\"classified\"} [2-9]")
        .contains("earshot_classify_features_seconds_count")
        .contains("earshot_classify_inference_seconds_count{classifier=\"sound-type\"}");
  }

  @Test
  void readinessNamesEveryClassifierAndItsVersionOnceLoaded() throws InterruptedException {
    // Down while the classifiers load in the background, then up with each one listed.
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    var response = given().get("/q/health/ready");
    while (response.statusCode() != 200 && System.nanoTime() < deadline) {
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.asString()).contains("\"loading\"");
      Thread.sleep(500);
      response = given().get("/q/health/ready");
    }
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.asString())
        .contains(
            "sound-type/mlp-whisper",
            "word-spotter/openai/whisper-tiny",
            "zero-shot/openai/whisper-tiny");
  }

  private static Classification find(
      java.util.List<Classification> all, String classifier, int chunk) {
    return all.stream()
        .filter(c -> c.getClassifier().equals(classifier) && c.getChunkSequence() == chunk)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + classifier + " record for chunk " + chunk));
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
