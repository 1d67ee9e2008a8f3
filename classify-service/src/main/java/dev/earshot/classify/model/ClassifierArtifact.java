package dev.earshot.classify.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.earshot.assets.Sha256;
import dev.earshot.classify.model.onnx.OnnxModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;

/**
 * A trained classifier on disk: a folder with the model's own files and {@code manifest.json}
 * (labels, feature set, scaling, metrics, sha256 of each file and a version hash). Loading checks
 * every file against its digest, so a corrupt or swapped model is refused with the file's name.
 */
public final class ClassifierArtifact {

  public static final String MANIFEST = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ClassifierArtifact() {}

  /** Opens a checked classifier's model files. */
  @FunctionalInterface
  public interface ModelOpener {
    ProbabilisticModel open(Path folder, ArtifactManifest manifest) throws IOException;
  }

  /**
   * What the service runs: the ONNX export, with ONNX Runtime. Models of the other types (logistic,
   * SVM, XGBoost, CNN) keep their training library's files, which only the training tools open.
   */
  public static final ModelOpener ONNX =
      (folder, manifest) -> {
        if (!manifest.files().containsKey(OnnxModel.FILE)) {
          throw new IOException(
              "classifier "
                  + manifest.name()
                  + " at "
                  + folder
                  + " is a '"
                  + manifest.type()
                  + "' model without an ONNX export ("
                  + OnnxModel.FILE
                  + "); classify-service runs ONNX models (type mlp), the classify tools"
                  + " (predict, evaluate) run every type");
        }
        return OnnxModel.load(folder, ModelType.of(manifest.type()), manifest.labels());
      };

  /** Reads, checks and opens a saved classifier with ONNX Runtime. */
  public static Loaded load(Path folder) throws IOException {
    return load(folder, ONNX);
  }

  /** Reads, checks and opens a saved classifier with {@code opener}. */
  public static Loaded load(Path folder, ModelOpener opener) throws IOException {
    ArtifactManifest manifest = read(folder);
    ProbabilisticModel model = opener.open(folder, manifest);
    return new Loaded(manifest, model, new Standardizer(manifest.means(), manifest.deviations()));
  }

  /** A saved classifier ready to predict: scale rows with {@code scaling}, then {@code model}. */
  public record Loaded(ArtifactManifest manifest, ProbabilisticModel model, Standardizer scaling)
      implements AutoCloseable {
    @Override
    public void close() {
      model.close();
    }
  }

  /** Reads and checks the manifest; the model files are checked against their digests. */
  public static ArtifactManifest read(Path folder) throws IOException {
    Path file = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no classifier at " + folder + ": " + MANIFEST + " is missing");
    }
    ArtifactManifest manifest;
    try {
      manifest = JSON.readValue(file.toFile(), ArtifactManifest.class);
    } catch (IOException e) {
      throw new IOException("unreadable " + file + ": " + e.getMessage(), e);
    }
    for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
      Path modelFile = folder.resolve(entry.getKey());
      if (!Files.isRegularFile(modelFile)) {
        throw new IOException("classifier " + manifest.name() + " lacks its file " + modelFile);
      }
      String actual = Sha256.of(modelFile);
      if (!actual.equals(entry.getValue())) {
        throw new IOException(
            "classifier file "
                + modelFile
                + " is corrupt or was replaced: sha256 "
                + actual
                + ", manifest says "
                + entry.getValue());
      }
    }
    ArtifactManifest recomputed = withVersion(manifest);
    if (!recomputed.version().equals(manifest.version())) {
      throw new IOException(file + " was edited after training: its version hash does not match");
    }
    return manifest;
  }

  /** {@code m} with the version hash of its content. */
  public static ArtifactManifest withVersion(ArtifactManifest m) throws IOException {
    // Sorted maps and no indentation, so the same content always hashes the same; the time of
    // training is left out, so retraining with the same data and seed gives the same version.
    byte[] canonical =
        JSON.writer()
            .without(SerializationFeature.INDENT_OUTPUT)
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .writeValueAsString(versioned(m, "", ""))
            .getBytes(StandardCharsets.UTF_8);
    return versioned(m, m.createdAt(), versionOf(canonical));
  }

  /**
   * The version id of a model described by {@code canonical}: {@code sha256:} and 16 hex digits.
   */
  public static String versionOf(byte[] canonical) {
    MessageDigest digest = Sha256.newDigest();
    digest.update(canonical);
    return Sha256.version(digest);
  }

  private static ArtifactManifest versioned(ArtifactManifest m, String createdAt, String version) {
    return new ArtifactManifest(
        m.name(),
        m.type(),
        m.featureSet(),
        m.labels(),
        m.inputShape(),
        m.whisperModel(),
        m.whisperVersion(),
        m.whisperWindowSeconds(),
        m.means(),
        m.deviations(),
        m.files(),
        m.metrics(),
        createdAt,
        version);
  }
}
