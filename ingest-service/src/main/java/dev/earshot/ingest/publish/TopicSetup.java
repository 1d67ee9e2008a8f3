package dev.earshot.ingest.publish;

import dev.earshot.ingest.config.IngestConfig;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicInitializer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics ingest writes to at start-up, with the catalogue's partitions and settings.
 * When Kafka is not there yet the service still starts (and reports not ready); the topics are
 * created by the first readiness check that reaches Kafka.
 */
@ApplicationScoped
public class TopicSetup {

  private static final Logger LOG = Logger.getLogger(TopicSetup.class);

  private final KafkaReachability kafka;
  private final IngestConfig.Topics config;
  private final String chunkTopic;
  private final String eventTopic;
  private final String liveAudioTopic;
  private volatile boolean done;

  public TopicSetup(
      KafkaReachability kafka,
      IngestConfig config,
      @ConfigProperty(name = "mp.messaging.outgoing.audio-chunks.topic") String chunkTopic,
      @ConfigProperty(name = "mp.messaging.outgoing.recording-events.topic") String eventTopic,
      @ConfigProperty(name = "mp.messaging.outgoing.live-audio.topic") String liveAudioTopic) {
    this.kafka = kafka;
    this.config = config.topics();
    this.chunkTopic = chunkTopic;
    this.eventTopic = eventTopic;
    this.liveAudioTopic = liveAudioTopic;
    if (config.topics().partitions() < 1) {
      throw new IllegalArgumentException(
          "ingest.topics.partitions must be >= 1, got " + config.topics().partitions());
    }
  }

  void onStart(@Observes StartupEvent event) {
    if (config.createAtStart()) {
      ensure();
    }
  }

  /** Creates missing topics once; returns whether the topics are known to exist. */
  public boolean ensure() {
    if (done || !config.create()) {
      return true;
    }
    if (!kafka.isReachable()) {
      LOG.warnf(
          "Kafka at %s is not reachable yet; topics will be created later",
          kafka.bootstrapServers());
      return false;
    }
    try {
      var created =
          TopicInitializer.ensure(
              kafka.admin(),
              List.of(
                  TopicInitializer.newTopic(EarshotTopic.AUDIO_CHUNKS, chunkTopic, config),
                  TopicInitializer.newTopic(EarshotTopic.RECORDING_EVENTS, eventTopic, config),
                  TopicInitializer.newTopic(EarshotTopic.LIVE_AUDIO, liveAudioTopic, config)),
              10_000);
      if (!created.isEmpty()) {
        LOG.infof("Created topics %s", created);
      }
      done = true;
    } catch (IllegalStateException e) {
      LOG.warnf("Could not create topics yet: %s", e.getMessage());
    }
    return done;
  }
}
