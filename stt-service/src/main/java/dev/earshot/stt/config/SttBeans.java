package dev.earshot.stt.config;

import dev.earshot.assets.AssetCache;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.worker.BackgroundModel;
import dev.earshot.worker.WorkerTopics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the plain STT classes from configuration; invalid values fail start-up. */
@ApplicationScoped
public class SttBeans {

  @Produces
  @Singleton
  SttSettings settings(SttConfig config) {
    return SttSettings.from(config);
  }

  /** Starts loading the model when the service first needs it (the consumer, readiness). */
  @Produces
  @Singleton
  BackgroundModel<LoadedModel> model(SttSettings settings, SttConfig config) {
    return BackgroundModel.start("whisper-model", () -> LoadedModel.load(settings, cache(config)));
  }

  void close(@Disposes BackgroundModel<LoadedModel> model) throws Exception {
    model.close();
  }

  /** The topics this service reads and writes, created at start when missing. */
  @Produces
  @Singleton
  @Startup
  WorkerTopics topics(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      SttConfig config,
      @ConfigProperty(name = "mp.messaging.incoming.audio-chunks.topic") String chunks,
      @ConfigProperty(name = "mp.messaging.outgoing.transcripts.topic") String transcripts,
      @ConfigProperty(name = "mp.messaging.outgoing.dead-letters.topic") String deadLetters) {
    return WorkerTopics.start(
        bootstrap,
        config.topics(),
        Map.of(
            EarshotTopic.AUDIO_CHUNKS, chunks,
            EarshotTopic.TRANSCRIPTS, transcripts,
            EarshotTopic.DEAD_LETTERS, deadLetters),
        "stt");
  }

  void close(@Disposes WorkerTopics topics) throws Exception {
    topics.close();
  }

  public static AssetCache cache(SttConfig config) {
    return config
        .model()
        .cache()
        .map(dir -> new AssetCache(Path.of(dir)))
        .orElseGet(AssetCache::atDefaultLocation);
  }
}
