package dev.earshot.classify.service;

import dev.earshot.classify.config.ClassifyConfig;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicInitializer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Creates the topics classify-service reads and writes when they are missing. */
@ApplicationScoped
public class ClassifyTopics {

  private static final Logger LOG = Logger.getLogger(ClassifyTopics.class);

  private final String bootstrap;
  private final ClassifyConfig.Topics config;
  private final Map<EarshotTopic, String> names;
  private AutoCloseable setup;

  public ClassifyTopics(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      ClassifyConfig config,
      @ConfigProperty(name = "mp.messaging.incoming.audio-chunks.topic") String chunks,
      @ConfigProperty(name = "mp.messaging.outgoing.classifications.topic") String classifications,
      @ConfigProperty(name = "mp.messaging.outgoing.dead-letters.topic") String deadLetters) {
    this.bootstrap = bootstrap;
    this.config = config.topics();
    this.names =
        Map.of(
            EarshotTopic.AUDIO_CHUNKS, chunks,
            EarshotTopic.CLASSIFICATIONS, classifications,
            EarshotTopic.DEAD_LETTERS, deadLetters);
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.create()) {
      return;
    }
    var topics = TopicInitializer.newTopics(names, config.partitions(), config.replicationFactor());
    setup =
        TopicInitializer.ensureInBackground(bootstrap, topics, "classify-topic-setup", LOG::info);
  }

  void onStop(@Observes ShutdownEvent event) throws Exception {
    if (setup != null) {
      setup.close();
    }
  }
}
