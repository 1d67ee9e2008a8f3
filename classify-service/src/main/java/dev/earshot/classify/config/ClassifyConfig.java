package dev.earshot.classify.config;

import dev.earshot.schema.topic.TopicSettings;
import dev.earshot.worker.WatchdogConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of classify-service under the {@code classify.} prefix; see the README. */
@ConfigMapping(prefix = "classify")
public interface ClassifyConfig {

  /**
   * The classifiers to run on every chunk, by name, e.g. {@code
   * classify.classifiers.sound-type.model=builtin:sound-type} or {@code
   * classify.classifiers.commands.zero-shot=yes,no,stop,go}.
   */
  Map<String, Classifier> classifiers();

  Whisper whisper();

  Records records();

  /** Topic creation at start-up: {@code classify.topics.create}, {@code .partitions}, ... */
  TopicSettings topics();

  /** The inference watchdog: {@code classify.watchdog.inference-timeout}, {@code .exit-grace}. */
  WatchdogConfig watchdog();

  /** One named classifier. */
  interface Classifier {
    /** {@code builtin:sound-type}, {@code builtin:digits} or the folder a train run wrote. */
    Optional<String> model();

    /** Candidate words or phrases for a zero-shot classifier scored by Whisper. */
    Optional<List<String>> zeroShot();

    /** Language of the zero-shot candidates. */
    @WithDefault("en")
    String language();

    /** Lets a configuration switch a default classifier off. */
    @WithDefault("true")
    boolean enabled();
  }

  /** The Whisper model behind embeddings and zero-shot scoring, loaded only when one needs it. */
  interface Whisper {
    /** tiny, base, or a folder in the transformers.js layout. */
    @WithDefault("tiny")
    String model();

    /** Threads per ONNX Runtime operator; 0 means one per core. */
    @WithDefault("0")
    int threads();

    /** Where fetched models and copied-out built-in classifiers live; EARSHOT_CACHE by default. */
    Optional<String> cache();
  }

  /** What each classification record carries besides the verdict. */
  interface Records {
    /** Per-frame series (RMS, pitch, centroid...) for charts; off keeps records small. */
    @WithDefault("true")
    boolean series();

    /** Longest chunk accepted, in seconds; longer ones go to the dead-letter topic. */
    @WithDefault("60")
    double maxChunkSeconds();
  }
}
