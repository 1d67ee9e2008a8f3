package dev.earshot.classify.evaluate;

/** Trains on one fold's training indices and returns the Evaluation on its test indices. */
@FunctionalInterface
public interface FoldEvaluator {

  /**
   * @param trainIndices sorted indices to train on
   * @param testIndices sorted indices to evaluate on, disjoint from trainIndices
   */
  Evaluation evaluate(int[] trainIndices, int[] testIndices);
}
