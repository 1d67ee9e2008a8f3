package dev.earshot.classify.experiment;

import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ProbabilisticModel;
import java.util.Optional;

/**
 * A model fitted on a split's training part and measured on its test part.
 *
 * @param testProbabilities [test rows][labels]
 * @param curve the epochs, when the trainer reported any
 */
public record Trained(
    Variant variant,
    ProbabilisticModel model,
    Evaluation test,
    double[][] testProbabilities,
    Optional<TrainingCurve> curve,
    double seconds)
    implements AutoCloseable {

  @Override
  public void close() {
    model.close();
  }
}
