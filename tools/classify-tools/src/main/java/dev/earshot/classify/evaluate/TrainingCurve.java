package dev.earshot.classify.evaluate;

import java.util.List;

/** Per-epoch training and validation loss and accuracy, in epoch order, for plotting. */
public record TrainingCurve(List<Epoch> epochs) {

  /**
   * One epoch's numbers; any of them may be NaN when not measured.
   *
   * @param trainAccuracy in [0, 1] or NaN
   * @param validationAccuracy in [0, 1] or NaN
   */
  public record Epoch(
      int epoch,
      double trainLoss,
      double trainAccuracy,
      double validationLoss,
      double validationAccuracy) {

    public Epoch {
      requireAccuracy("trainAccuracy", epoch, trainAccuracy);
      requireAccuracy("validationAccuracy", epoch, validationAccuracy);
    }

    private static void requireAccuracy(String name, int epoch, double value) {
      if (!Double.isNaN(value) && (value < 0 || value > 1)) {
        throw new IllegalArgumentException(
            name + " of epoch " + epoch + " must be in [0, 1] or NaN but was " + value);
      }
    }
  }

  public TrainingCurve {
    if (epochs == null || epochs.isEmpty()) {
      throw new IllegalArgumentException("epochs must not be null or empty but was " + epochs);
    }
    epochs = List.copyOf(epochs);
    for (int i = 1; i < epochs.size(); i++) {
      if (epochs.get(i).epoch() <= epochs.get(i - 1).epoch()) {
        throw new IllegalArgumentException(
            "epoch numbers must increase but "
                + epochs.get(i).epoch()
                + " follows "
                + epochs.get(i - 1).epoch());
      }
    }
  }
}
