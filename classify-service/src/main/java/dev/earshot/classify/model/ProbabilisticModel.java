package dev.earshot.classify.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained classifier: input rows (as in {@link TrainingSet}) in, one probability per label out.
 * Implementations hold native resources (ONNX Runtime, PyTorch), hence {@link AutoCloseable}.
 */
public interface ProbabilisticModel extends AutoCloseable {

  ModelType type();

  List<String> labels();

  /**
   * @param inputs rows shaped like the training rows
   * @return probabilities [rows][labels], each row summing to 1
   */
  double[][] predict(float[][] inputs);

  /** Writes the model's own files into {@code folder}; returns the main file. */
  Path save(Path folder) throws IOException;

  @Override
  void close();
}
