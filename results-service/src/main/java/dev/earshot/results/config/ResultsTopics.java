package dev.earshot.results.config;

import dev.earshot.results.join.ResultsTopology;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicInitializer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates missing topics, inputs included: Kafka Streams waits for its input topics, so the join
 * starts even when results-service is the first service up.
 */
@ApplicationScoped
public class ResultsTopics {

  private static final Logger LOG = Logger.getLogger(ResultsTopics.class);

  private final String bootstrap;
  private final ResultsConfig.Topics config;
  private final Map<EarshotTopic, String> names;
  private AutoCloseable setup;

  public ResultsTopics(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      ResultsConfig config,
      ResultsTopology.Topics topics) {
    this.bootstrap = bootstrap;
    this.config = config.topics();
    this.names =
        Map.of(
            EarshotTopic.TRANSCRIPTS, topics.transcripts(),
            EarshotTopic.CLASSIFICATIONS, topics.classifications(),
            EarshotTopic.RECORDING_EVENTS, topics.recordingEvents(),
            EarshotTopic.AUDIO_CHUNKS, topics.audioChunks(),
            EarshotTopic.CHUNK_RESULTS, topics.chunkResults(),
            EarshotTopic.RESULTS, topics.results(),
            EarshotTopic.DEAD_LETTERS, topics.deadLetters());
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.create()) {
      return;
    }
    var topics = TopicInitializer.newTopics(names, config.partitions(), config.replicationFactor());
    setup =
        TopicInitializer.ensureInBackground(bootstrap, topics, "results-topic-setup", LOG::info);
  }

  void onStop(@Observes ShutdownEvent event) throws Exception {
    if (setup != null) {
      setup.close();
    }
  }
}
