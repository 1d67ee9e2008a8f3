package dev.earshot.classify.train;

import java.util.Arrays;
import java.util.List;

/**
 * Examples for training or validation: one input row per example with its label index.
 *
 * @param inputs rows of equal length; a spectrogram row is {@code inputShape} flattened
 *     channel-major ([1, bands, frames] → bands × frames values, band-major)
 * @param labels index into {@code labelNames} for every row
 * @param labelNames the classes, in the order of the model's probability outputs
 * @param inputShape shape of one row: {@code [features]} or {@code [1, bands, frames]}
 */
public record TrainingSet(
    float[][] inputs, int[] labels, List<String> labelNames, int[] inputShape) {

  public TrainingSet {
    labelNames = List.copyOf(labelNames);
    inputShape = inputShape.clone();
    if (inputs.length != labels.length) {
      throw new IllegalArgumentException(
          inputs.length + " inputs for " + labels.length + " labels");
    }
    int width = Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].length != width) {
        throw new IllegalArgumentException(
            "row "
                + i
                + " has "
                + inputs[i].length
                + " values, shape "
                + Arrays.toString(inputShape)
                + " needs "
                + width);
      }
      if (labels[i] < 0 || labels[i] >= labelNames.size()) {
        throw new IllegalArgumentException("row " + i + " has label index " + labels[i]);
      }
    }
  }

  public int size() {
    return inputs.length;
  }

  /** The rows at the given indices, e.g. one part of a split. */
  public TrainingSet subset(int[] indices) {
    float[][] x = new float[indices.length][];
    int[] y = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      x[i] = inputs[indices[i]];
      y[i] = labels[indices[i]];
    }
    return new TrainingSet(x, y, labelNames, inputShape);
  }

  /** Columns {@code [from, to)} of every row; only for feature vectors. */
  public TrainingSet columns(int from, int to) {
    if (inputShape.length != 1 || from < 0 || to > inputShape[0] || from >= to) {
      throw new IllegalArgumentException(
          "cannot take columns ["
              + from
              + ", "
              + to
              + ") of rows shaped "
              + Arrays.toString(inputShape));
    }
    float[][] x = new float[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      x[i] = Arrays.copyOfRange(inputs[i], from, to);
    }
    return new TrainingSet(x, labels, labelNames, new int[] {to - from});
  }

  /**
   * Weights inversely proportional to class frequency, normalised to mean 1 over the examples
   * ({@code n / (classes × count)}, scikit-learn's "balanced"); 0 for an absent class.
   */
  public double[] balancedClassWeights() {
    int[] counts = new int[labelNames.size()];
    for (int y : labels) {
      counts[y]++;
    }
    double[] weights = new double[counts.length];
    for (int c = 0; c < counts.length; c++) {
      weights[c] = counts[c] == 0 ? 0.0 : (double) labels.length / (counts.length * counts[c]);
    }
    return weights;
  }
}
