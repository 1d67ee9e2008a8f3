package dev.earshot.classify.config;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.classifier.ChunkClassifier;
import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.classify.service.Channels;
import dev.earshot.schema.EarshotService;
import dev.earshot.schema.topic.EarshotTopic;
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
import org.jboss.logging.Logger;

/** Builds the plain classification classes from configuration; invalid values fail start-up. */
@ApplicationScoped
public class ClassifyBeans {

  private static final Logger LOG = Logger.getLogger(ClassifyBeans.class);

  @Produces
  @Singleton
  ClassifySettings settings(ClassifyConfig config) {
    return ClassifySettings.from(config);
  }

  /**
   * Opens the configured classifiers once, in the background (fetching the Whisper model first when
   * one needs it).
   */
  @Produces
  @Singleton
  BackgroundModel<ClassifierSet> classifiers(ClassifySettings settings) {
    return BackgroundModel.start(
        "classifiers",
        () -> {
          ClassifierSet set =
              ClassifierSet.open(
                  settings.classifiers(),
                  settings.whisperModel(),
                  settings.whisperThreads(),
                  cache(settings));
          for (ChunkClassifier c : set.classification().classifiers()) {
            LOG.infof(
                "Classifier %s: %s %s, labels %s",
                c.name(), c.model().id(), c.model().version(), c.labels());
          }
          return set;
        });
  }

  void close(@Disposes BackgroundModel<ClassifierSet> classifiers) throws Exception {
    classifiers.close();
  }

  /** Times every classifier call; a hung one ends the process (see {@link HungWorkerExit}). */
  @Produces
  @Singleton
  InferenceWatchdog watchdog(ClassifyConfig config, BackgroundModel<ClassifierSet> classifiers) {
    var settings = InferenceWatchdog.Settings.from(config.watchdog(), "classify");
    return InferenceWatchdog.start(
        settings,
        new HungWorkerExit(EarshotService.CLASSIFY.module(), classifiers, settings.exitGrace()));
  }

  void close(@Disposes InferenceWatchdog watchdog) {
    watchdog.close();
  }

  /** The topics this service reads and writes, created at start when missing. */
  @Produces
  @Singleton
  @Startup
  WorkerTopics topics(
      ClassifyConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
    return WorkerTopics.forWorker(
        kafka,
        config.topics(),
        EarshotService.CLASSIFY,
        EarshotTopic.CLASSIFICATIONS,
        Channels.CLASSIFICATIONS);
  }

  void close(@Disposes WorkerTopics topics) throws Exception {
    topics.close();
  }

  public static AssetCache cache(ClassifySettings settings) {
    return settings
        .cache()
        .map(dir -> new AssetCache(Path.of(dir)))
        .orElseGet(AssetCache::atDefaultLocation);
  }
}
