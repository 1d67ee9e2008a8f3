package dev.earshot.classify.classifier;

import dev.earshot.classify.model.ArtifactManifest;
import dev.earshot.classify.model.ClassifierArtifact;
import dev.earshot.classify.whisper.WhisperEmbedding;
import dev.earshot.classify.whisper.WordSpotter;
import dev.earshot.classify.whisper.ZeroShotClassifier;
import dev.earshot.whisper.WhisperModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Opens the classifier a {@link ClassifierSpec} describes, or says why it cannot. */
public final class Classifiers {

  private Classifiers() {}

  /**
   * @param whisper the shared Whisper model, loaded only when the classifier needs one
   * @param cacheRoot where built-in models are copied out to
   * @param opener how the model's files are opened
   */
  public static ChunkClassifier open(
      ClassifierSpec spec,
      Supplier<WhisperModel> whisper,
      Path cacheRoot,
      ClassifierArtifact.ModelOpener opener)
      throws IOException {
    if (spec.model().isEmpty()) {
      WhisperModel model = whisper.get();
      return new ZeroShotChunkClassifier(
          spec.name(),
          new ZeroShotClassifier(model, spec.language(), spec.zeroShot()),
          model.id(),
          model.version(),
          spec.language());
    }
    String source = spec.model().get();
    if (spec.builtin()
        && BuiltinModels.SPOTTERS.contains(source.substring(ClassifierSpec.BUILTIN.length()))) {
      WhisperModel model = whisper.get();
      return new SpotterChunkClassifier(
          spec.name(),
          WordSpotter.digits(model, WordSpotter.Settings.DEFAULTS),
          model.id(),
          model.version());
    }
    Path folder =
        spec.builtin()
            ? BuiltinModels.materialise(
                source.substring(ClassifierSpec.BUILTIN.length()), cacheRoot)
            : Path.of(source);
    if (!Files.isDirectory(folder)) {
      throw new IOException(
          "classifier "
              + spec.name()
              + ": model folder "
              + folder.toAbsolutePath()
              + " does not exist");
    }
    ClassifierArtifact.Loaded artifact = ClassifierArtifact.load(folder, opener);
    ArtifactManifest manifest = artifact.manifest();
    if (!manifest.whisperModel().isEmpty()) {
      WhisperModel model = whisper.get();
      if (!model.id().equals(manifest.whisperModel())
          || !model.version().equals(manifest.whisperVersion())) {
        artifact.close();
        throw new IOException(
            "classifier "
                + spec.name()
                + " was trained on features of "
                + manifest.whisperModel()
                + " "
                + manifest.whisperVersion()
                + ", but the loaded Whisper model is "
                + model.id()
                + " "
                + model.version()
                + "; set classify.whisper.model to the one it was trained with");
      }
      // Saved before embeddings had a window of their own: those were made over 30 s.
      double window = manifest.whisperWindowSeconds() == 0 ? 30 : manifest.whisperWindowSeconds();
      double served = new WhisperEmbedding(model).windowSeconds();
      if (window != served) {
        artifact.close();
        throw new IOException(
            "classifier "
                + spec.name()
                + " was trained on Whisper embeddings of "
                + window
                + " s encoder windows, but this version embeds "
                + served
                + " s windows; train it again with ./earshot classify train");
      }
    }
    return new TrainedClassifier(spec.name(), artifact);
  }
}
