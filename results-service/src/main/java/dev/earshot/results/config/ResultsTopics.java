package dev.earshot.results.config;

import dev.earshot.results.join.ResultsTopology;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicInitializer;
import dev.earshot.schema.topic.TopicSettings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

/**
 * Creates missing topics, inputs included: Kafka Streams waits for its input topics, so the join
 * starts even when results-service is the first service up. Then checks that the inputs are
 * co-partitioned, as the join needs.
 */
@ApplicationScoped
public class ResultsTopics {

  private static final Logger LOG = Logger.getLogger(ResultsTopics.class);

  private final Map<String, Object> kafka;
  private final TopicSettings config;
  private final Map<EarshotTopic, String> names;
  private final List<String> inputs;
  private AutoCloseable setup;

  public ResultsTopics(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      ResultsConfig config,
      ResultsTopology.Topics topics) {
    this.kafka = kafka;
    this.config = config.topics();
    this.inputs = topics.inputs();
    this.names =
        Map.of(
            EarshotTopic.TRANSCRIPTS, topics.transcripts(),
            EarshotTopic.CLASSIFICATIONS, topics.classifications(),
            EarshotTopic.RECORDING_EVENTS, topics.recordingEvents(),
            EarshotTopic.AUDIO_CHUNKS, topics.audioChunks(),
            EarshotTopic.CHUNK_RESULTS, topics.chunkResults(),
            EarshotTopic.RESULTS, topics.results(),
            EarshotTopic.DEAD_LETTERS, topics.deadLetters(),
            // The live feed follows it, even before any stt-service has started.
            EarshotTopic.CAPTIONS, config.topic().captions());
  }

  void onStart(@Observes StartupEvent event) {
    List<NewTopic> topics = config.create() ? TopicInitializer.newTopics(names, config) : List.of();
    setup =
        TopicInitializer.ensureInBackground(
            kafka, topics, "results-topic-setup", LOG::info, this::checkCoPartitioned);
  }

  /**
   * Stops the service when its inputs are not co-partitioned: it could only produce incomplete
   * recordings and pictures without their audio, so it says why and exits instead.
   */
  private void checkCoPartitioned(Admin admin) {
    var counts = TopicInitializer.partitionCounts(admin, inputs, 10_000);
    ResultsTopology.coPartitioningProblem(counts)
        .ifPresent(
            problem -> {
              LOG.error("results-service cannot join: " + problem);
              Quarkus.asyncExit(1);
            });
  }

  void onStop(@Observes ShutdownEvent event) throws Exception {
    if (setup != null) {
      setup.close();
    }
  }
}
