package dev.earshot.classify.config;

import dev.earshot.classify.classifier.ClassifierSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checked, immutable form of {@link ClassifyConfig}: bad values fail at start-up with a message
 * that names them.
 *
 * @param classifiers the enabled classifiers, ordered by name
 * @param whisperModel tiny, base or a folder
 * @param whisperThreads threads per ONNX Runtime operator (0: one per core)
 * @param cache the asset cache folder, or empty for the default
 * @param series whether records carry per-frame series
 * @param maxChunkSeconds the longest chunk accepted
 */
public record ClassifySettings(
    List<ClassifierSpec> classifiers,
    String whisperModel,
    int whisperThreads,
    Optional<String> cache,
    boolean series,
    double maxChunkSeconds) {

  public ClassifySettings {
    classifiers = List.copyOf(classifiers);
    if (classifiers.isEmpty()) {
      throw new IllegalArgumentException(
          "no classifier is enabled; configure one, e.g."
              + " classify.classifiers.sound-type.model=builtin:sound-type");
    }
    if (whisperThreads < 0) {
      throw new IllegalArgumentException(
          "classify.whisper.threads must be 0 (one per core) or more: " + whisperThreads);
    }
    if (!(maxChunkSeconds > 0) || maxChunkSeconds > 600) {
      throw new IllegalArgumentException(
          "classify.records.max-chunk-seconds must be in (0, 600]: " + maxChunkSeconds);
    }
  }

  public static ClassifySettings from(ClassifyConfig config) {
    List<ClassifierSpec> specs = new ArrayList<>();
    for (Map.Entry<String, ClassifyConfig.Classifier> entry :
        new TreeMap<>(config.classifiers()).entrySet()) {
      ClassifyConfig.Classifier c = entry.getValue();
      if (c.enabled()) {
        specs.add(
            new ClassifierSpec(
                entry.getKey(), c.model(), c.zeroShot().orElse(List.of()), c.language()));
      }
    }
    return new ClassifySettings(
        specs,
        config.whisper().model(),
        config.whisper().threads(),
        config.whisper().cache(),
        config.records().series(),
        config.records().maxChunkSeconds());
  }
}
