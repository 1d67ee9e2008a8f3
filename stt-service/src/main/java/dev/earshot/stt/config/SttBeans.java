package dev.earshot.stt.config;

import dev.earshot.assets.AssetCache;
import dev.earshot.schema.EarshotService;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.stt.captions.Captioner;
import dev.earshot.stt.captions.LiveCaptions;
import dev.earshot.stt.metrics.SttMetrics;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.stt.service.CaptionPublisher;
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
import java.time.Clock;
import java.util.List;
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

  /**
   * Captions of the live streams whose pieces this worker receives, on the service's model; a
   * Whisper call that hangs ends the process as a chunk's does.
   */
  @Produces
  @Singleton
  LiveCaptions captions(
      SttConfig config,
      BackgroundModel<LoadedModel> model,
      CaptionPublisher publisher,
      SttMetrics metrics) {
    // A watchdog of their own: one watches one call at a time, and the chunks' calls run
    // alongside. Fault injection is for the chunk worker alone.
    var limits = InferenceWatchdog.Settings.from(config.watchdog(), "stt");
    var watchdog =
        InferenceWatchdog.start(
            new InferenceWatchdog.Settings(limits.inferenceTimeout(), limits.exitGrace(), -1),
            new HungWorkerExit(EarshotService.STT.module(), model, limits.exitGrace()));
    captionsWatchdog = watchdog;
    var captions = config.captions();
    var settings =
        new LiveCaptions.Settings(
            new Captioner.Settings(
                seconds(captions.updateInterval()),
                seconds(captions.trimAfter()),
                seconds(captions.maxBuffer())),
            captions.idleTimeout());
    var live =
        new LiveCaptions(
            settings,
            recordingId ->
                window -> {
                  long started = System.nanoTime();
                  try {
                    return watchdog.watch(
                        List.of("live captions of " + recordingId),
                        () ->
                            model
                                .await()
                                .captioning(captions.temperatureFallback())
                                .transcribe(window));
                  } finally {
                    metrics.captionDecoded(System.nanoTime() - started);
                  }
                },
            caption -> {
              publisher.accept(caption);
              metrics.captionSent(!caption.committed().isEmpty(), caption.last());
            },
            () -> model.isReady() ? model.await().model().id() : null,
            Clock.systemUTC());
    metrics.watchLiveStreams(() -> live.openStreams().size());
    return live;
  }

  void close(@Disposes LiveCaptions captions) {
    captions.close();
    if (captionsWatchdog != null) {
      captionsWatchdog.close();
    }
  }

  private volatile InferenceWatchdog captionsWatchdog;

  private static double seconds(java.time.Duration duration) {
    return duration.toMillis() / 1000.0;
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
            EarshotTopic.TRANSCRIPTS,
            Channels.TRANSCRIPTS,
            EarshotTopic.MODELS,
            Channels.MODELS,
            EarshotTopic.CAPTIONS,
            Channels.CAPTIONS),
        Map.of(EarshotTopic.LIVE_AUDIO, Channels.LIVE_AUDIO));
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
