package dev.earshot.results.join;

import static dev.earshot.results.TestParts.avro;
import static dev.earshot.results.TestParts.classification;
import static dev.earshot.results.TestParts.failed;
import static dev.earshot.results.TestParts.finished;
import static dev.earshot.results.TestParts.started;
import static dev.earshot.results.TestParts.transcript;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.results.rules.RuleSet;
import dev.earshot.results.rules.TranscriptRule;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.topic.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultsTopologyTest {

  static final ResultsTopology.Topics TOPICS = ResultsTopology.Topics.DEFAULT;
  static final Duration TIMEOUT = Duration.ofMinutes(5);
  static final Map<String, Double> SPEECH = Map.of("speech", 0.9, "music", 0.06, "other", 0.04);
  static final Map<String, Double> MUSIC = Map.of("speech", 0.1, "music", 0.8, "other", 0.1);
  static final Map<String, Double> UNKNOWN = Map.of("unknown", 0.7, "one", 0.2, "silence", 0.1);

  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> transcripts;
  TestInputTopic<String, byte[]> classifications;
  TestInputTopic<String, byte[]> events;
  TestOutputTopic<String, String> chunkResults;
  TestOutputTopic<String, String> results;
  TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    TranscriptRule cantHear =
        new TranscriptRule(
            "can't hear",
            TranscriptRule.keywords(List.of("can't hear", "cannot hear")),
            Optional.of("sound-type"),
            Optional.of("speech"),
            0.5,
            true);
    JoinSettings settings =
        new JoinSettings(
            List.of("sound-type", "digits"),
            "sound-type",
            TIMEOUT,
            Duration.ofSeconds(10),
            Duration.ofDays(7),
            new RuleSet(List.of(cantHear)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "results-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver =
        new TopologyTestDriver(
            ResultsTopology.build(TOPICS, settings, JoinListener.NONE),
            props,
            Instant.parse("2026-11-21T10:00:00Z"));
    var keys = new StringSerializer();
    var values = new ByteArraySerializer();
    transcripts = driver.createInputTopic(TOPICS.transcripts(), keys, values);
    classifications = driver.createInputTopic(TOPICS.classifications(), keys, values);
    events = driver.createInputTopic(TOPICS.recordingEvents(), keys, values);
    var strings = new StringDeserializer();
    chunkResults = driver.createOutputTopic(TOPICS.chunkResults(), strings, strings);
    results = driver.createOutputTopic(TOPICS.results(), strings, strings);
    deadLetters =
        driver.createOutputTopic(TOPICS.deadLetters(), strings, Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  void sendTranscript(String rec, int chunk, String text, String version) {
    transcripts.pipeInput(rec, avro(transcript(rec, chunk, chunk * 10.0, 10.0, text, version)));
  }

  void sendVerdict(
      String rec, int chunk, String classifier, Map<String, Double> p, String version) {
    classifications.pipeInput(
        rec, avro(classification(rec, chunk, chunk * 10.0, 10.0, classifier, p, version)));
  }

  void both(String rec, int chunk, String text, Map<String, Double> type) {
    sendTranscript(rec, chunk, text, "w1");
    sendVerdict(rec, chunk, "sound-type", type, "s1");
    sendVerdict(rec, chunk, "digits", UNKNOWN, "d1");
  }

  static JsonNode json(String s) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void chunkResultWaitsForTranscriptAndEveryExpectedClassifierInAnyOrder() {
    sendVerdict("r1", 0, "digits", UNKNOWN, "d1");
    sendTranscript("r1", 0, "hello there", "w1");
    assertThat(chunkResults.isEmpty()).isTrue();
    sendVerdict("r1", 0, "sound-type", SPEECH, "s1");

    List<TestRecord<String, String>> out = chunkResults.readRecordsToList();
    assertThat(out).hasSize(1);
    JsonNode r = json(out.get(0).value());
    assertThat(out.get(0).key()).isEqualTo("r1");
    assertThat(r.get("transcription").asText()).isEqualTo("hello there");
    assertThat(r.get("predicted_label").asText()).isEqualTo("speech");
    // Named, so a dashboard need not guess which verdict the top-level label is.
    assertThat(r.get("primary_classifier").asText()).isEqualTo("sound-type");
    assertThat(r.get("confidence").asDouble())
        .isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.get("probabilities").fieldNames())
        .toIterable()
        .containsExactly("speech", "music", "other");
    assertThat(r.get("classifiers").get("digits").get("predicted_label").asText())
        .isEqualTo("unknown");
    assertThat(r.get("models").get("transcript").get("version").asText()).isEqualTo("w1");
    assertThat(r.get("models").get("sound-type").get("version").asText()).isEqualTo("s1");
    assertThat(r.get("start").asDouble()).isZero();
    assertThat(r.get("end").asDouble()).isEqualTo(10.0);
  }

  @Test
  void lateOutOfOrderPartsCompleteTheRecordingOnceWithTranscriptInChunkOrder() {
    events.pipeInput("r2", avro(started("r2", "talk.wav")));
    // Chunk 1 arrives first; FINISHED arrives before chunk 0's transcript, minutes "later".
    both("r2", 1, "second part.", MUSIC);
    sendVerdict("r2", 0, "sound-type", SPEECH, "s1");
    sendVerdict("r2", 0, "digits", UNKNOWN, "d1");
    events.pipeInput("r2", avro(finished("r2", "talk.wav", 2, 20.0)));
    assertThat(results.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofMinutes(3));
    sendTranscript("r2", 0, "First part,", "w1");

    List<TestRecord<String, String>> out = results.readRecordsToList();
    assertThat(out).hasSize(1);
    JsonNode r = json(out.get(0).value());
    assertThat(r.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(r.get("file").asText()).isEqualTo("talk.wav");
    assertThat(r.get("recording_id").asText()).isEqualTo("r2");
    assertThat(r.get("transcription").asText()).isEqualTo("First part, second part.");
    assertThat(r.get("chunks").asInt()).isEqualTo(2);
    assertThat(r.get("chunks_joined").asInt()).isEqualTo(2);
    assertThat(r.get("segments")).hasSize(2);
    assertThat(r.get("segments").get(0).get("start").asDouble()).isZero();
    assertThat(r.get("language").asText()).isEqualTo("en");
    // Equal durations: speech .9/.1, music .06/.8 → mean speech .5, music .43, other .07.
    JsonNode type = r.get("classifiers").get("sound-type");
    assertThat(type.get("probabilities").get("speech").asDouble()).isCloseTo(0.5, within());
    assertThat(type.get("probabilities").get("music").asDouble()).isCloseTo(0.43, within());
    assertThat(type.get("distribution").get("speech").asDouble()).isCloseTo(0.5, within());
    assertThat(type.get("distribution").get("music").asDouble()).isCloseTo(0.5, within());
    assertThat(r.get("predicted_label").asText()).isEqualTo("speech");
    assertThat(r.get("timeline")).hasSize(2);
    assertThat(r.get("timeline").get(1).get("labels").get("sound-type").asText())
        .isEqualTo("music");
    assertThat(r.get("pictures").get("spectrogram").asText())
        .isEqualTo("/api/recordings/r2/spectrogram.png");
    assertThat(chunkResults.readRecordsToList()).hasSize(2);
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }

  @Test
  void duplicatesFromARedoneChunkProduceNoSecondResult() {
    both("r3", 0, "only chunk", SPEECH);
    events.pipeInput("r3", avro(finished("r3", "a.wav", 1, 10.0)));
    assertThat(results.readRecordsToList()).hasSize(1);
    assertThat(chunkResults.readRecordsToList()).hasSize(1);

    // A worker redid the chunk (same models, slightly different text) and ingest resent FINISHED.
    sendTranscript("r3", 0, "only chunk!", "w1");
    sendVerdict("r3", 0, "sound-type", SPEECH, "s1");
    sendVerdict("r3", 0, "digits", UNKNOWN, "d1");
    events.pipeInput("r3", avro(finished("r3", "a.wav", 1, 10.0)));
    assertThat(chunkResults.isEmpty()).isTrue();
    assertThat(results.isEmpty()).isTrue();
  }

  @Test
  void recordingMissingAChunkIsReportedIncompleteAfterTheTimeoutAndCompletedLater() {
    both("r4", 0, "one", SPEECH);
    events.pipeInput("r4", avro(finished("r4", "b.wav", 2, 20.0)));
    driver.advanceWallClockTime(TIMEOUT.minusSeconds(30));
    assertThat(results.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(40));

    JsonNode r = json(results.readValue());
    assertThat(r.get("status").asText()).isEqualTo("INCOMPLETE");
    assertThat(r.get("chunks_joined").asInt()).isEqualTo(1);
    assertThat(r.get("reason").asText()).contains("1 of 2 chunks").contains("chunk 1: nothing");
    assertThat(r.get("transcription").asText()).isEqualTo("one");
    driver.advanceWallClockTime(TIMEOUT.multipliedBy(2));
    assertThat(results.isEmpty()).as("reported once").isTrue();

    // The lost chunk turns up after all: the complete result supersedes the incomplete one.
    both("r4", 1, "two", SPEECH);
    JsonNode done = json(results.readValue());
    assertThat(done.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(done.get("transcription").asText()).isEqualTo("one two");
  }

  @Test
  void recordingWithoutFinishedEventTimesOutToo() {
    events.pipeInput("r5", avro(started("r5", "c.wav")));
    both("r5", 0, "hello", SPEECH);
    driver.advanceWallClockTime(TIMEOUT.plusSeconds(10));
    JsonNode r = json(results.readValue());
    assertThat(r.get("status").asText()).isEqualTo("INCOMPLETE");
    assertThat(r.get("reason").asText()).contains("no FINISHED event");
  }

  @Test
  void failedRecordingIsReportedWithItsReasonAtOnce() {
    events.pipeInput("r6", avro(started("r6", "broken.wav")));
    events.pipeInput(
        "r6", avro(failed("r6", "broken.wav", 0, "CORRUPT", "not a WAV file: bad RIFF header")));
    JsonNode r = json(results.readValue());
    assertThat(r.get("status").asText()).isEqualTo("FAILED");
    assertThat(r.get("reason").asText()).isEqualTo("CORRUPT: not a WAV file: bad RIFF header");
    assertThat(r.get("file").asText()).isEqualTo("broken.wav");
    assertThat(r.get("chunks_joined").asInt()).isZero();
  }

  @Test
  void failedRecordingWaitsForTheChunksItPublished() {
    events.pipeInput("r7", avro(failed("r7", "cut.wav", 1, "TRUNCATED", "file ends early")));
    assertThat(results.isEmpty()).isTrue();
    both("r7", 0, "what was there", SPEECH);
    JsonNode r = json(results.readValue());
    assertThat(r.get("status").asText()).isEqualTo("FAILED");
    assertThat(r.get("transcription").asText()).isEqualTo("what was there");
  }

  @Test
  void aFailedRecordingPublishedAgainStartsOverAndEndsComplete() {
    events.pipeInput("r11", avro(started("r11", "cut.wav")));
    both("r11", 0, "first part", SPEECH);
    events.pipeInput(
        "r11",
        avro(
            failed("r11", "cut.wav", 1, "KAFKA_UNAVAILABLE", "Kafka did not acknowledge chunk 1")));
    JsonNode failed = json(results.readValue());
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("reason").asText()).startsWith("KAFKA_UNAVAILABLE: ");

    // The upload retried under the same id: every chunk again, then FINISHED.
    events.pipeInput("r11", avro(started("r11", "cut.wav")));
    both("r11", 0, "first part", SPEECH);
    both("r11", 1, "second part", SPEECH);
    assertThat(results.isEmpty()).as("nothing until the new attempt ends").isTrue();
    driver.advanceWallClockTime(TIMEOUT.minusSeconds(30));
    events.pipeInput("r11", avro(finished("r11", "cut.wav", 2, 20.0)));

    JsonNode done = json(results.readValue());
    assertThat(done.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(done.path("reason").asText(null)).isNull();
    assertThat(done.get("chunks").asInt()).isEqualTo(2);
    assertThat(done.get("transcription").asText()).isEqualTo("first part second part");
    driver.advanceWallClockTime(TIMEOUT.multipliedBy(2));
    assertThat(results.isEmpty()).as("no INCOMPLETE after it").isTrue();
  }

  @Test
  void aFailedRecordingPublishedAgainIsWatchedForTheTimeoutAgain() {
    events.pipeInput("r12", avro(started("r12", "cut.wav")));
    events.pipeInput(
        "r12", avro(failed("r12", "cut.wav", 0, "KAFKA_UNAVAILABLE", "Kafka did not answer")));
    assertThat(json(results.readValue()).get("status").asText()).isEqualTo("FAILED");

    // The new attempt is cut off too, before it could publish a terminal event.
    events.pipeInput("r12", avro(started("r12", "cut.wav")));
    both("r12", 0, "first part", SPEECH);
    driver.advanceWallClockTime(TIMEOUT.plusSeconds(10));

    JsonNode r = json(results.readValue());
    assertThat(r.get("status").asText()).isEqualTo("INCOMPLETE");
    assertThat(r.get("reason").asText()).contains("no FINISHED event");
  }

  @Test
  void replayWithANewModelSupersedesOnceEveryChunkHasIt() {
    both("r8", 0, "old zero", SPEECH);
    both("r8", 1, "old one", SPEECH);
    events.pipeInput("r8", avro(finished("r8", "d.wav", 2, 20.0)));
    assertThat(json(results.readValue()).get("transcription").asText())
        .isEqualTo("old zero old one");
    chunkResults.readRecordsToList();

    sendTranscript("r8", 0, "new zero", "w2");
    assertThat(chunkResults.readRecordsToList()).hasSize(1);
    assertThat(results.isEmpty()).as("waits while chunks are on mixed versions").isTrue();
    sendTranscript("r8", 1, "new one", "w2");
    JsonNode r = json(results.readValue());
    assertThat(r.get("transcription").asText()).isEqualTo("new zero new one");
    assertThat(r.get("models").get("transcript")).hasSize(1);
    assertThat(r.get("models").get("transcript").get(0).get("version").asText()).isEqualTo("w2");
  }

  @Test
  void transcriptRuleSetsTheLabelWhenTheClassifierAgrees() {
    both("r9", 0, "Sorry, I can’t hear you.", SPEECH);
    events.pipeInput("r9", avro(finished("r9", "e.wav", 1, 10.0)));
    JsonNode r = json(results.readValue());
    assertThat(r.get("predicted_label").asText()).isEqualTo("can't hear");
    assertThat(r.get("confidence").asDouble()).isCloseTo(0.9, within());
    assertThat(r.get("rule_labels")).extracting(JsonNode::asText).containsExactly("can't hear");
    assertThat(r.get("classifiers").get("sound-type").get("predicted_label").asText())
        .isEqualTo("speech");

    // Same words over music: the gate (speech >= 0.5) keeps the rule from firing.
    both("r10", 0, "I can't hear you", MUSIC);
    events.pipeInput("r10", avro(finished("r10", "f.wav", 1, 10.0)));
    JsonNode m = json(results.readValue());
    assertThat(m.get("predicted_label").asText()).isEqualTo("music");
    assertThat(m.get("rule_labels")).isEmpty();
  }

  @Test
  void unreadableRecordsGoToTheDeadLetterTopicAndTheJoinGoesOn() {
    transcripts.pipeInput("r11", "not avro".getBytes(StandardCharsets.UTF_8));
    // A classification published on the transcript topic by mistake.
    transcripts.pipeInput("r11", avro(classification("r11", 0, 0, 10, "sound-type", SPEECH, "s1")));
    // Published under another key: it could sit in another partition than its recording.
    transcripts.pipeInput("wrong-key", avro(transcript("r11", 0, 0, 10, "hi", "w1")));
    both("r11", 0, "still works", SPEECH);

    var dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(3);
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
    assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).contains("Avro");
    assertThat(header(dead.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(TOPICS.transcripts());
    assertThat(header(dead.get(0), DeadLetterHeaders.SERVICE)).isEqualTo("results-service");
    assertThat(header(dead.get(1), DeadLetterHeaders.REASON))
        .contains("expected a Transcript but the record is a dev.earshot.schema.Classification");
    assertThat(header(dead.get(2), DeadLetterHeaders.REASON)).contains("is not its recording id");
    assertThat(json(chunkResults.readValue()).get("transcription").asText())
        .isEqualTo("still works");
  }

  private static String header(TestRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
