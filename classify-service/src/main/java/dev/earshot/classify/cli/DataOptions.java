package dev.earshot.classify.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.FeatureSettings;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.classify.whisper.WhisperEmbedding;
import dev.earshot.whisper.WhisperModel;
import dev.earshot.whisper.WhisperModels;
import dev.earshot.whisper.WhisperOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the labelled audio is and how it is split and augmented: shared by the data commands. */
public class DataOptions {

  @Option(
      names = "--data",
      required = true,
      description =
          "Labelled audio: a folder of label folders (DIR/<label>/*.wav, any supported format) or"
              + " a CSV/TSV manifest with file,label[,group] columns.")
  Path data;

  @Option(
      names = "--split",
      defaultValue = "0.7,0.15",
      split = ",",
      description =
          "Train and validation fractions; the rest is the test part (default 0.7,0.15). With a"
              + " group column whole groups stay in one part.")
  List<Double> split;

  @Option(
      names = "--augment",
      defaultValue = "2",
      description =
          "Perturbed copies of each training file: noise 5-30 dB SNR, gain, shift, pitch, stretch,"
              + " telephone band; SpecAugment masks for spectrograms (default 2).")
  int augment;

  @Option(names = "--seed", defaultValue = "42", description = "Seeds every random choice (42).")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "CPU threads for training and Whisper; 0 means one per core (default).")
  int threads;

  @Option(
      names = "--whisper",
      defaultValue = "tiny",
      description = "Whisper model for whisper/combined features and zero-shot (default tiny).")
  String whisper;

  List<LabelledAudio> items() throws IOException {
    return LabelledAudio.load(data);
  }

  TrainingData.Settings settings(FeatureSet set) {
    if (split.size() != 2) {
      throw new IllegalArgumentException(
          "--split takes two fractions, train and validation, e.g. 0.7,0.15; got " + split);
    }
    return new TrainingData.Settings(set, split.get(0), split.get(1), augment, seed);
  }

  int threads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** A featurizer with the Whisper model loaded when {@code whisper} is true. */
  Featurizer featurizer(boolean withWhisper) {
    Optional<WhisperModel> model =
        withWhisper
            ? Optional.of(
                WhisperModel.load(
                    WhisperModels.resolve(whisper, AssetCache.atDefaultLocation()),
                    WhisperOptions.defaults().withThreads(threads)))
            : Optional.empty();
    return new Featurizer(
        new FeatureExtractor(FeatureSettings.DEFAULT), model.map(WhisperEmbedding::new));
  }
}
