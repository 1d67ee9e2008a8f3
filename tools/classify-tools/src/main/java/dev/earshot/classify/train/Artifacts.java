package dev.earshot.classify.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.earshot.assets.Sha256;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.model.ArtifactManifest;
import dev.earshot.classify.model.ClassifierArtifact;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.ProbabilisticModel;
import dev.earshot.classify.model.Standardizer;
import dev.earshot.classify.model.djl.DjlModel;
import dev.earshot.classify.model.djl.MlpOnnxExport;
import dev.earshot.classify.model.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes trained classifiers in the folder format {@link ClassifierArtifact} reads, and opens every
 * model type, where the service opens ONNX exports only.
 */
public final class Artifacts {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The ONNX export where there is one, else the library that trained the model. */
  public static final ClassifierArtifact.ModelOpener ANY_TYPE =
      (folder, manifest) ->
          manifest.files().containsKey(OnnxModel.FILE)
              ? ClassifierArtifact.ONNX.open(folder, manifest)
              : Trainers.of(ModelType.of(manifest.type()))
                  .load(folder, manifest.labels(), manifest.inputShape());

  private Artifacts() {}

  /** Reads, checks and opens a saved classifier of any type. */
  public static ClassifierArtifact.Loaded load(Path folder) throws IOException {
    return ClassifierArtifact.load(folder, ANY_TYPE);
  }

  /** Writes {@code model} and its manifest into {@code folder}; returns the manifest. */
  public static ArtifactManifest save(
      Path folder,
      String name,
      FeatureSet featureSet,
      ProbabilisticModel model,
      int[] inputShape,
      Standardizer scaling,
      String whisperModel,
      String whisperVersion,
      double whisperWindowSeconds,
      Map<String, Double> metrics)
      throws IOException {
    Files.createDirectories(folder);
    model.save(folder);
    if (model instanceof DjlModel network && network.type() == ModelType.MLP) {
      // Served by ONNX Runtime, so the service needs no PyTorch to run it.
      MlpOnnxExport.write(network, folder.resolve(OnnxModel.FILE));
    }
    Map<String, String> files = new TreeMap<>();
    try (var listing = Files.list(folder)) {
      for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
        String fileName = file.getFileName().toString();
        if (!fileName.equals(ClassifierArtifact.MANIFEST)) {
          files.put(fileName, Sha256.of(file));
        }
      }
    }
    ArtifactManifest manifest =
        ClassifierArtifact.withVersion(
            new ArtifactManifest(
                name,
                model.type().id(),
                featureSet.id(),
                model.labels(),
                inputShape,
                whisperModel,
                whisperVersion,
                whisperWindowSeconds,
                scaling.means(),
                scaling.deviations(),
                files,
                metrics,
                Instant.now().toString(),
                ""));
    JSON.writeValue(folder.resolve(ClassifierArtifact.MANIFEST).toFile(), manifest);
    return manifest;
  }
}
