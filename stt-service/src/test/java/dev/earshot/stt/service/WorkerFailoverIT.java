package dev.earshot.stt.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.schema.Transcript;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.testbroker.TestBroker;
import dev.earshot.testbroker.TopicReader;
import dev.earshot.whisper.WhisperModels;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged stt-service workers share the chunk topic; one is killed (SIGKILL) while chunks are
 * still waiting, and every chunk must still get a transcript from the other.
 */
class WorkerFailoverIT {

  private static final int RECORDINGS = 24;
  private final List<Process> workers = new ArrayList<>();

  @AfterEach
  void stopWorkers() {
    workers.forEach(Process::destroyForcibly);
  }

  private Process startWorker(String name, Path model) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(java, "-jar", System.getProperty("earshot.stt.jar"))
            .redirectErrorStream(true)
            .redirectOutput(new File("target/failover-" + name + ".log"));
    Map<String, String> env = builder.environment();
    env.put("KAFKA_BOOTSTRAP_SERVERS", TestBroker.bootstrapServers());
    env.put("STT_MODEL_NAME", model.toString());
    env.put("STT_DECODING_LANGUAGE", "en");
    env.put("STT_DECODING_BEAM_SIZE", "1");
    env.put("STT_BATCH_MAX_CHUNKS", "2");
    env.put("STT_MODEL_INTRA_OP_THREADS", "1");
    env.put("QUARKUS_HTTP_PORT", "0");
    // A killed worker is noticed after the session timeout; keep it short for the test.
    env.put("STT_SESSION_TIMEOUT_MS", "6000");
    env.put("STT_HEARTBEAT_INTERVAL_MS", "1000");
    Process process = builder.start();
    workers.add(process);
    return process;
  }

  @Test
  void whenOneOfTwoWorkersDiesMidStreamEveryChunkStillGetsATranscript() throws Exception {
    Path model = WhisperModels.resolve("tiny", AssetCache.atDefaultLocation());
    float[] jfk =
        AudioLoader.loadMono(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV), 16000);
    // Created before the workers start, so no consumer auto-creates it with fewer partitions.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(EarshotTopic.AUDIO_CHUNKS.newTopic(SttServiceTest.CHUNKS, 12, (short) 1)))
          .all()
          .get();
    }
    Process doomed = startWorker("a", model);
    startWorker("b", model);
    awaitMembers(2);

    String run = Long.toString(System.nanoTime());
    Set<String> recordings = new TreeSet<>();
    for (int i = 0; i < RECORDINGS; i++) {
      String recording = "failover-" + run + "-" + i;
      recordings.add(recording);
      SttServiceTest.publish(
          recording, SttServiceTest.avro(SttServiceTest.chunk(recording, 0, 0, jfk, true)));
    }
    var reader = new TopicReader();
    reader.readUntil(
        SttServiceTest.TRANSCRIPTS,
        r -> r.key() != null && r.key().startsWith("failover-" + run),
        got -> got.size() >= 4,
        Duration.ofMinutes(5));
    assertThat(membersWithPartitions())
        .as("both workers hold partitions before the kill")
        .isEqualTo(2);

    doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    var transcripts =
        reader.readUntil(
            SttServiceTest.TRANSCRIPTS,
            r -> r.key() != null && r.key().startsWith("failover-" + run),
            got -> got.stream().map(r -> r.key()).distinct().count() == RECORDINGS,
            Duration.ofMinutes(8));
    Set<String> transcribed = new TreeSet<>();
    for (var record : transcripts) {
      transcribed.add(record.key());
      assertThat(((Transcript) record.value()).getText()).containsIgnoringCase("your country");
    }
    assertThat(transcribed).isEqualTo(recordings);
  }

  private static void awaitMembers(int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (membersWithPartitions() == count) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the workers did not join the consumer group; see target/failover-*.log");
  }

  private static long membersWithPartitions() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
      Map<String, ConsumerGroupDescription> groups =
          admin.describeConsumerGroups(List.of("earshot-stt")).all().get();
      return groups.get("earshot-stt").members().stream()
          .filter(m -> !m.assignment().topicPartitions().isEmpty())
          .count();
    } catch (java.util.concurrent.ExecutionException notYet) {
      return 0;
    }
  }
}
