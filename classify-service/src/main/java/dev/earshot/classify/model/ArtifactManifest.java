package dev.earshot.classify.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What {@code manifest.json} of a saved classifier says: enough to rebuild its inputs exactly and
 * to check that its files are the ones that were saved.
 *
 * @param name the classifier's name, e.g. {@code sound-type}
 * @param type the model type id, e.g. {@code xgboost}
 * @param featureSet the feature set id, e.g. {@code whisper}
 * @param labels the classes in output order
 * @param inputShape shape of one input row
 * @param whisperModel id of the Whisper model behind the features, or empty
 * @param whisperVersion version hash of that Whisper model, or empty
 * @param whisperWindowSeconds the encoder window its embeddings were made with; 0 (left out of the
 *     file) for the 30 s window of models saved before embeddings had a window of their own
 * @param means standardisation means learnt on the training split
 * @param deviations standardisation deviations learnt on the training split
 * @param files sha256 of every model file, by file name
 * @param metrics headline test-split metrics, e.g. accuracy and macro F1
 * @param createdAt ISO-8601 time of training
 * @param version hash of everything above: the id results carry
 */
public record ArtifactManifest(
    String name,
    String type,
    String featureSet,
    List<String> labels,
    int[] inputShape,
    String whisperModel,
    String whisperVersion,
    // Left out when 0, so the manifests (and version hashes) of older models read as before.
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) double whisperWindowSeconds,
    double[] means,
    double[] deviations,
    Map<String, String> files,
    Map<String, Double> metrics,
    String createdAt,
    String version) {

  public ArtifactManifest {
    labels = List.copyOf(labels);
    files = Map.copyOf(files);
    metrics = Map.copyOf(metrics);
  }
}
