package dev.earshot.classify.model.djl;

import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.train.ModelTrainer;
import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.classify.train.TrainingSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Training rows in, a PyTorch network out: an MLP on feature vectors (input {@code [features]};
 * ReLU layers of 128 and 64 units with dropout 0.3) or a small CNN on log-mel windows (input {@code
 * [1, bands, frames]}, rows flattened band-major; two 3×3 convolutions, the first batch normalised,
 * 2×2 max-pooling, global average pooling, dropout and a linear layer). Both use the loop of {@link
 * DjlTraining}: Adam, class-weighted cross-entropy, early stopping on validation loss.
 * SpecAugment-style masking, if wanted, is the caller's job.
 */
public final class DjlTrainer implements ModelTrainer {

  private final Architecture architecture;

  public DjlTrainer(ModelType type) {
    this.architecture =
        Arrays.stream(Architecture.values())
            .filter(a -> a.type() == type)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("DJL trains mlp and cnn, not " + type.id()));
  }

  @Override
  public ModelType type() {
    return architecture.type();
  }

  @Override
  public DjlModel train(
      TrainingSet train,
      TrainingSet validation,
      TrainingOptions options,
      Consumer<TrainingCurve.Epoch> epochs) {
    return DjlTraining.train(architecture, train, validation, options, epochs);
  }

  @Override
  public DjlModel load(Path folder, List<String> labels, int[] inputShape) throws IOException {
    return DjlModel.load(architecture, folder, labels, inputShape);
  }
}
