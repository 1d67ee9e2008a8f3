package dev.earshot.classify.model.djl;

import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ModelTrainer;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.TrainingOptions;
import dev.earshot.classify.model.TrainingSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Log-mel spectrograms (input shape {@code [1, bands, frames]}, rows flattened band-major) in, a
 * small convolutional network out: two 3×3 convolutions (16 and 32 filters, the first batch
 * normalised) with 2×2 max-pooling, global average pooling, dropout and a linear layer; trained
 * like {@link MlpTrainer}. SpecAugment-style masking, if wanted, is the caller's job.
 */
public final class CnnTrainer implements ModelTrainer {

  @Override
  public ModelType type() {
    return ModelType.CNN;
  }

  @Override
  public DjlModel train(
      TrainingSet train,
      TrainingSet validation,
      TrainingOptions options,
      Consumer<TrainingCurve.Epoch> epochs) {
    return DjlTraining.train(Architecture.CNN, train, validation, options, epochs);
  }

  @Override
  public DjlModel load(Path folder, List<String> labels, int[] inputShape) throws IOException {
    return DjlModel.load(Architecture.CNN, folder, labels, inputShape);
  }
}
