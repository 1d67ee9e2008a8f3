package dev.earshot.classify.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.FeatureSettings;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.classify.whisper.WhisperEmbedding;
import dev.earshot.cli.ExistingPath;
import dev.earshot.cli.UsageException;
import dev.earshot.whisper.WhisperModel;
import dev.earshot.whisper.WhisperModels;
import dev.earshot.whisper.WhisperOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where the labelled audio is and how it is split and augmented: shared by the data commands. */
public class DataOptions {

  @Option(
      names = "--data",
      required = true,
      converter = ExistingPath.class,
      description =
          "Labelled audio: a folder of label folders (DIR/<label>/*.wav, any supported format) or"
              + " a CSV/TSV manifest with file,label[,group] columns.")
  Path data;

  @Option(
      names = "--split",
      defaultValue = "0.7,0.15",
      converter = SplitConverter.class,
      description =
          "Train and validation fractions; the rest is the test part (default 0.7,0.15). With a"
              + " group column whole groups stay in one part.")
  Split split;

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

  /** Train and validation fractions, each above 0, leaving a test part. */
  record Split(double train, double validation) {}

  /** Checks the options that picocli cannot, then reads the labelled files. */
  List<LabelledAudio> items() throws IOException {
    if (augment < 0 || augment > 50) {
      throw new UsageException("--augment '" + augment + "': must be 0..50 copies");
    }
    return LabelledAudio.load(data);
  }

  TrainingData.Settings settings(FeatureSet set) {
    return new TrainingData.Settings(set, split.train(), split.validation(), augment, seed);
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

  /** {@code --split}: refused while parsing, before any audio is read. */
  static final class SplitConverter implements ITypeConverter<Split> {
    @Override
    public Split convert(String value) {
      String[] parts = value.split(",", -1);
      double train;
      double validation;
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        train = Double.parseDouble(parts[0].strip());
        validation = Double.parseDouble(parts[1].strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "'" + value + "' is not two fractions, train and validation, like 0.7,0.15");
      }
      if (!(train > 0 && validation > 0)) {
        throw new TypeConversionException(
            "'" + value + "': both fractions must be above 0, like 0.7,0.15");
      }
      if (!(train + validation < 1)) {
        throw new TypeConversionException(
            "'"
                + value
                + "' leaves nothing for the test part: train and validation must add up to less"
                + " than 1, like 0.7,0.15");
      }
      return new Split(train, validation);
    }
  }
}
