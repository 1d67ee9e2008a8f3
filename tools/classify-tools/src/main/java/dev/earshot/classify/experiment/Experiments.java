package dev.earshot.classify.experiment;

import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.ProbabilisticModel;
import dev.earshot.classify.train.Trainers;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.classify.train.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Training and measuring one model on prepared parts: what train, evaluate and compare share. */
public final class Experiments {

  private Experiments() {}

  /**
   * Default options for a model type: AdaGrad for the linear model takes big steps, Adam for the
   * networks small ones.
   */
  public static TrainingOptions defaults(ModelType type, long seed, int threads) {
    boolean network = type == ModelType.MLP || type == ModelType.CNN;
    return new TrainingOptions(
        seed,
        type == ModelType.CNN ? 40 : 80,
        8,
        network ? 0.002 : 0.5,
        16,
        new double[0],
        threads);
  }

  /**
   * Fits {@code variant} on {@code parts.train()} with class weights balanced over its rows, stops
   * on {@code parts.validation()}, and evaluates on {@code parts.test()}.
   */
  public static Trained fit(
      Variant variant,
      TrainingData.Parts parts,
      TrainingOptions options,
      Consumer<TrainingCurve.Epoch> epochs) {
    long start = System.nanoTime();
    List<TrainingCurve.Epoch> seen = new ArrayList<>();
    TrainingOptions weighted = options.withClassWeights(parts.train().balancedClassWeights());
    ProbabilisticModel model =
        Trainers.of(variant.type())
            .train(
                parts.train(),
                parts.validation(),
                weighted,
                e -> {
                  seen.add(e);
                  epochs.accept(e);
                });
    double[][] probabilities = model.predict(parts.test().inputs());
    Evaluation test =
        Evaluation.of(parts.test().labelNames(), parts.test().labels(), probabilities);
    Optional<TrainingCurve> curve =
        seen.isEmpty() ? Optional.empty() : Optional.of(new TrainingCurve(seen));
    return new Trained(
        variant, model, test, probabilities, curve, (System.nanoTime() - start) / 1e9);
  }
}
