package dev.earshot.stt.service;

import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicInitializer;
import dev.earshot.stt.config.SttConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics stt-service reads and writes, with the catalogue's partitions, retrying in the
 * background until Kafka answers; existing topics are left as they are.
 */
@ApplicationScoped
public class SttTopics {

  private static final Logger LOG = Logger.getLogger(SttTopics.class);

  private final String bootstrap;
  private final boolean create;
  private final int partitions;
  private final short replication;
  private final Map<EarshotTopic, String> names;
  private AutoCloseable setup;

  public SttTopics(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      SttConfig config,
      @ConfigProperty(name = "mp.messaging.incoming.audio-chunks.topic") String chunks,
      @ConfigProperty(name = "mp.messaging.outgoing.transcripts.topic") String transcripts,
      @ConfigProperty(name = "mp.messaging.outgoing.dead-letters.topic") String deadLetters) {
    this.bootstrap = bootstrap;
    this.create = config.topics().create();
    this.partitions = config.topics().partitions();
    this.replication = config.topics().replicationFactor();
    this.names =
        Map.of(
            EarshotTopic.AUDIO_CHUNKS, chunks,
            EarshotTopic.TRANSCRIPTS, transcripts,
            EarshotTopic.DEAD_LETTERS, deadLetters);
  }

  void onStart(@Observes StartupEvent event) {
    if (!create) {
      return;
    }
    var topics = TopicInitializer.newTopics(names, partitions, replication);
    setup = TopicInitializer.ensureInBackground(bootstrap, topics, "stt-topic-setup", LOG::info);
  }

  void onStop(@Observes ShutdownEvent event) throws Exception {
    if (setup != null) {
      setup.close();
    }
  }
}
