package dev.earshot.classify.train;

import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.ProbabilisticModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Trains one {@link ModelType} and loads what it saved. */
public interface ModelTrainer {

  ModelType type();

  /**
   * @param train examples to fit
   * @param validation examples for early stopping and model selection, never fitted
   * @param epochs told about every finished epoch (loss and accuracy), e.g. for a progress bar
   */
  ProbabilisticModel train(
      TrainingSet train,
      TrainingSet validation,
      TrainingOptions options,
      Consumer<TrainingCurve.Epoch> epochs);

  /** Reads a model that {@link ProbabilisticModel#save} wrote into {@code folder}. */
  ProbabilisticModel load(Path folder, List<String> labels, int[] inputShape) throws IOException;
}
