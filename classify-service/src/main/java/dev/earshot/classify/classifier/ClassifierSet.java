package dev.earshot.classify.classifier;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSettings;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.model.ClassifierArtifact;
import dev.earshot.classify.whisper.WhisperEmbedding;
import dev.earshot.whisper.WhisperModel;
import dev.earshot.whisper.WhisperModels;
import dev.earshot.whisper.WhisperOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens a list of classifier specs into one {@link ChunkClassification}, loading the Whisper model
 * once and only when a classifier needs it; closing it closes everything it opened.
 */
public final class ClassifierSet implements AutoCloseable {

  private final ChunkClassification classification;
  private final Optional<WhisperModel> whisper;

  private ClassifierSet(ChunkClassification classification, Optional<WhisperModel> whisper) {
    this.classification = classification;
    this.whisper = whisper;
  }

  /**
   * @param whisperModel tiny, base or a model folder, loaded when a classifier needs it
   * @param threads threads per ONNX Runtime operator of the Whisper encoder (0: one per core)
   */
  public static ClassifierSet open(
      List<ClassifierSpec> specs, String whisperModel, int threads, AssetCache cache)
      throws IOException {
    return open(specs, whisperModel, threads, cache, ClassifierArtifact.ONNX);
  }

  /**
   * @param opener how trained models' files are opened: ONNX exports only in the service
   */
  public static ClassifierSet open(
      List<ClassifierSpec> specs,
      String whisperModel,
      int threads,
      AssetCache cache,
      ClassifierArtifact.ModelOpener opener)
      throws IOException {
    WhisperModel[] loaded = new WhisperModel[1];
    List<ChunkClassifier> opened = new ArrayList<>();
    try {
      for (ClassifierSpec spec : specs) {
        opened.add(
            Classifiers.open(
                spec,
                () -> {
                  if (loaded[0] == null) {
                    loaded[0] =
                        WhisperModel.load(
                            WhisperModels.resolve(whisperModel, cache),
                            WhisperOptions.defaults().withThreads(threads));
                  }
                  return loaded[0];
                },
                cache.root(),
                opener));
      }
      Optional<WhisperModel> whisper = Optional.ofNullable(loaded[0]);
      Featurizer featurizer =
          new Featurizer(
              new FeatureExtractor(FeatureSettings.DEFAULT), whisper.map(WhisperEmbedding::new));
      return new ClassifierSet(new ChunkClassification(featurizer, opened), whisper);
    } catch (IOException | RuntimeException e) {
      opened.forEach(ChunkClassifier::close);
      if (loaded[0] != null) {
        loaded[0].close();
      }
      throw e;
    }
  }

  public ChunkClassification classification() {
    return classification;
  }

  /** The Whisper model behind embeddings and zero-shot scoring, when one was needed. */
  public Optional<WhisperModel> whisper() {
    return whisper;
  }

  @Override
  public void close() {
    classification.close();
    whisper.ifPresent(WhisperModel::close);
  }
}
