package dev.earshot.classify.evaluate;

/**
 * One class's precision, recall, F1, support (true examples) and one-vs-rest ROC AUC, as computed
 * by {@link Evaluation#of}.
 *
 * @param rocAuc NaN when the class has no positives or no negatives in the truth
 */
public record ClassMetrics(
    String label, double precision, double recall, double f1, int support, double rocAuc) {

  public ClassMetrics {
    if (label == null) {
      throw new IllegalArgumentException("label must not be null");
    }
    if (support < 0) {
      throw new IllegalArgumentException("support must be >= 0 but was " + support);
    }
  }
}
