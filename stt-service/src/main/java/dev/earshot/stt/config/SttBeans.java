package dev.earshot.stt.config;

import dev.earshot.assets.AssetCache;
import dev.earshot.schema.EarshotService;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.stt.service.Channels;
import dev.earshot.worker.BackgroundModel;
import dev.earshot.worker.HungWorkerExit;
import dev.earshot.worker.InferenceWatchdog;
import dev.earshot.worker.WorkerTopics;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;

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

  /** Times every Whisper call; a hung one ends the process (see {@link HungWorkerExit}). */
  @Produces
  @Singleton
  InferenceWatchdog watchdog(SttConfig config, BackgroundModel<LoadedModel> model) {
    var settings = InferenceWatchdog.Settings.from(config.watchdog(), "stt");
    return InferenceWatchdog.start(
        settings, new HungWorkerExit(EarshotService.STT.module(), model, settings.exitGrace()));
  }

  void close(@Disposes InferenceWatchdog watchdog) {
    watchdog.close();
  }

  /** The topics this service reads and writes, created at start when missing. */
  @Produces
  @Singleton
  @Startup
  WorkerTopics topics(
      SttConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
    return WorkerTopics.forWorker(
        kafka,
        config.topics(),
        EarshotService.STT,
        Map.of(
            EarshotTopic.TRANSCRIPTS, Channels.TRANSCRIPTS, EarshotTopic.MODELS, Channels.MODELS));
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
