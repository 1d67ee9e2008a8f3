package dev.earshot.classify.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs stratified k-fold cross-validation: takes the labels, k, a seed and a {@link FoldEvaluator}
 * and returns the per-fold Evaluations.
 */
public final class CrossValidation {

  private CrossValidation() {}

  /**
   * Builds the folds with {@link Splits#stratifiedFolds} and calls the evaluator once per fold,
   * training on the other k - 1 folds.
   */
  public static CrossValidationResult run(int[] labels, int k, long seed, FoldEvaluator evaluator) {
    if (evaluator == null) {
      throw new IllegalArgumentException("evaluator must not be null");
    }
    List<int[]> folds = Splits.stratifiedFolds(labels, k, seed);
    // Fold membership per index lets each training set come out sorted without a merge.
    int[] foldOf = new int[labels.length];
    for (int g = 0; g < k; g++) {
      for (int index : folds.get(g)) {
        foldOf[index] = g;
      }
    }
    List<Evaluation> evaluations = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      int[] test = folds.get(f);
      int[] train = new int[labels.length - test.length];
      int t = 0;
      for (int i = 0; i < labels.length; i++) {
        if (foldOf[i] != f) {
          train[t++] = i;
        }
      }
      Evaluation evaluation = evaluator.evaluate(train, test.clone());
      if (evaluation == null) {
        throw new IllegalStateException("evaluator returned null for fold " + f);
      }
      evaluations.add(evaluation);
    }
    return new CrossValidationResult(evaluations);
  }
}
