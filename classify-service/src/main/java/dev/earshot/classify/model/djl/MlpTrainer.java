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
 * Feature vectors (input shape {@code [features]}) in, a multilayer perceptron out: two hidden ReLU
 * layers of 128 and 64 units with dropout 0.3, trained with Adam on class-weighted cross-entropy
 * and early stopping; the same seed and thread count give the same model.
 */
public final class MlpTrainer implements ModelTrainer {

  @Override
  public ModelType type() {
    return ModelType.MLP;
  }

  @Override
  public DjlModel train(
      TrainingSet train,
      TrainingSet validation,
      TrainingOptions options,
      Consumer<TrainingCurve.Epoch> epochs) {
    return DjlTraining.train(Architecture.MLP, train, validation, options, epochs);
  }

  @Override
  public DjlModel load(Path folder, List<String> labels, int[] inputShape) throws IOException {
    return DjlModel.load(Architecture.MLP, folder, labels, inputShape);
  }
}
