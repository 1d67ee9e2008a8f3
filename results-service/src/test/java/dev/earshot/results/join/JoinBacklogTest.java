package dev.earshot.results.join;

import static dev.earshot.results.TestParts.audioChunk;
import static dev.earshot.results.TestParts.avro;
import static dev.earshot.results.TestParts.classification;
import static dev.earshot.results.TestParts.finished;
import static dev.earshot.results.TestParts.transcript;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.results.rules.RuleSet;
import dev.earshot.schema.result.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The join's timeout against the worker groups' progress: a recording whose chunks the workers have
 * not reached is behind, not lost, and is not reported INCOMPLETE; once they are past its chunks
 * the timeout counts from then.
 */
class JoinBacklogTest {

  static final ResultsTopology.Topics TOPICS = ResultsTopology.Topics.DEFAULT;
  static final Duration TIMEOUT = Duration.ofMinutes(5);
  static final Duration SCAN = Duration.ofSeconds(10);
  static final Duration BACKLOG = Duration.ofHours(2);
  static final Map<String, Double> SPEECH = Map.of("speech", 0.9, "music", 0.06, "other", 0.04);

  final AtomicLong nanos = new AtomicLong();
  final WorkerProgress progress =
      new WorkerProgress(
          List.of("earshot-stt", "earshot-classify"), Duration.ofHours(1), nanos::get);

  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> transcripts;
  TestInputTopic<String, byte[]> classifications;
  TestInputTopic<String, byte[]> events;
  TestInputTopic<String, byte[]> chunks;
  TestOutputTopic<String, String> results;

  @BeforeEach
  void start() {
    JoinSettings settings =
        new JoinSettings(
            List.of("sound-type"),
            "sound-type",
            TIMEOUT,
            SCAN,
            Duration.ofDays(7),
            new RuleSet(List.of()),
            BACKLOG);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "results-backlog-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            ResultsTopology.build(TOPICS, settings, JoinListener.NONE, progress),
            props,
            Instant.parse("2026-12-06T10:00:00Z"));
    var keys = new StringSerializer();
    var values = new ByteArraySerializer();
    transcripts = driver.createInputTopic(TOPICS.transcripts(), keys, values);
    classifications = driver.createInputTopic(TOPICS.classifications(), keys, values);
    events = driver.createInputTopic(TOPICS.recordingEvents(), keys, values);
    chunks = driver.createInputTopic(TOPICS.audioChunks(), keys, values);
    var strings = new StringDeserializer();
    results = driver.createOutputTopic(TOPICS.results(), strings, strings);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  /** Two chunks published (offsets 0 and 1 of partition 0), only the first one's results in. */
  void twoChunksFirstJoined(String rec) {
    chunks.pipeInput(rec, avro(audioChunk(rec, 0)));
    chunks.pipeInput(rec, avro(audioChunk(rec, 1)));
    events.pipeInput(rec, avro(finished(rec, "a.wav", 2, 2.0)));
    joinChunk(rec, 0, "first");
  }

  void joinChunk(String rec, int chunk, String text) {
    transcripts.pipeInput(rec, avro(transcript(rec, chunk, chunk, 1.0, text, "w1")));
    classifications.pipeInput(
        rec, avro(classification(rec, chunk, chunk, 1.0, "sound-type", SPEECH, "s1")));
  }

  /** Both groups' committed offsets on partition 0 (the next offset each will read). */
  void workersCommitted(long stt, long classify) {
    progress.update(Map.of("earshot-stt", Map.of(0, stt), "earshot-classify", Map.of(0, classify)));
  }

  /** Advances the wall clock scan by scan, as the stream thread's punctuation sees it. */
  void waitFor(Duration d) {
    for (Duration t = Duration.ZERO; t.compareTo(d) < 0; t = t.plus(SCAN)) {
      driver.advanceWallClockTime(SCAN);
    }
  }

  @Test
  void aRecordingWhoseChunksTheWorkersHaveNotReachedWaitsPastTheTimeoutAndEndsComplete() {
    twoChunksFirstJoined("behind");
    // STT has committed chunk 0 only (next offset 1); classify is past both.
    workersCommitted(1, 2);

    waitFor(TIMEOUT.multipliedBy(6));
    assertThat(results.isEmpty()).as("30 min quiet, but STT is behind: no INCOMPLETE").isTrue();

    joinChunk("behind", 1, "second");
    JsonNode r = json(results.readValue());
    assertThat(r.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(r.get("transcription").asText()).isEqualTo("first second");
    assertThat(results.isEmpty()).as("one result: never INCOMPLETE first").isTrue();
  }

  @Test
  void onceTheWorkersArePastItsChunksTheTimeoutCountsFromThenAndReportsTheLoss() {
    twoChunksFirstJoined("lost");
    workersCommitted(1, 2);
    waitFor(TIMEOUT.multipliedBy(2));
    assertThat(results.isEmpty()).isTrue();

    // STT went past chunk 1, but its transcript never came (dead-lettered, say).
    workersCommitted(2, 2);
    waitFor(TIMEOUT.minusSeconds(30));
    assertThat(results.isEmpty()).as("the timeout counts from when the workers got past").isTrue();
    waitFor(Duration.ofSeconds(40));

    JsonNode r = json(results.readValue());
    assertThat(r.get("status").asText()).isEqualTo("INCOMPLETE");
    assertThat(r.get("reason").asText()).contains("1 of 2 chunks").contains("chunk 1: nothing");
  }

  @Test
  void workersThatNeverGetThereAreReportedAfterTheBacklogTimeout() {
    twoChunksFirstJoined("stuck");
    workersCommitted(1, 1);
    waitFor(BACKLOG.minusMinutes(1));
    assertThat(results.isEmpty()).isTrue();
    waitFor(Duration.ofMinutes(2));

    JsonNode r = json(results.readValue());
    assertThat(r.get("status").asText()).isEqualTo("INCOMPLETE");
    assertThat(r.get("reason").asText())
        .contains("the workers had not processed its chunks within PT2H");
  }

  @Test
  void withoutFreshOffsetsTimeAloneDecidesAsBefore() {
    twoChunksFirstJoined("blind");
    workersCommitted(1, 1);
    // Offsets older than their maximum age (an unreachable broker) are not trusted.
    nanos.addAndGet(Duration.ofHours(2).toNanos());
    waitFor(TIMEOUT.plus(SCAN));

    assertThat(json(results.readValue()).get("status").asText()).isEqualTo("INCOMPLETE");
  }

  @Test
  void aTranscriptDecodedWithOtherSettingsSupersedesTheOldOneAndTheSameSettingsDoNot() {
    chunks.pipeInput("replay", avro(audioChunk("replay", 0)));
    events.pipeInput("replay", avro(finished("replay", "a.wav", 1, 1.0)));
    transcripts.pipeInput(
        "replay", avro(transcript("replay", 0, 0, 1.0, "greedy text", "w1", "aaaaaaaaaaaa")));
    classifications.pipeInput(
        "replay", avro(classification("replay", 0, 0, 1.0, "sound-type", SPEECH, "s1")));
    assertThat(json(results.readValue()).get("transcription").asText()).isEqualTo("greedy text");

    // The same model files and settings: a redone chunk, not a replay.
    transcripts.pipeInput(
        "replay", avro(transcript("replay", 0, 0, 1.0, "greedy again", "w1", "aaaaaaaaaaaa")));
    assertThat(results.isEmpty()).isTrue();

    // The same model files, decoded with beam search: supersedes.
    transcripts.pipeInput(
        "replay", avro(transcript("replay", 0, 0, 1.0, "beam text", "w1", "bbbbbbbbbbbb")));
    JsonNode r = json(results.readValue());
    assertThat(r.get("transcription").asText()).isEqualTo("beam text");
    JsonNode model = r.get("models").get("transcript").get(0);
    assertThat(model.get("version").asText()).isEqualTo("w1");
    assertThat(model.get("settings").asText()).isEqualTo("bbbbbbbbbbbb");
    assertThat(r.get("models").get("sound-type").get(0).has("settings"))
        .as("parts without settings show none")
        .isFalse();
  }

  static JsonNode json(String s) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
