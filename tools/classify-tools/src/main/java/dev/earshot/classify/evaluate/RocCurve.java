package dev.earshot.classify.evaluate;

import java.util.Arrays;
import java.util.Objects;

/**
 * One class's one-vs-rest ROC curve: false- and true-positive rates at every distinct score
 * threshold (highest first, starting at (0, 0) with threshold +infinity), plus its AUC.
 *
 * <p>The arrays are empty and {@code auc} is NaN when the class has no positives or no negatives in
 * the truth, because the rates are then undefined.
 */
public record RocCurve(String label, double[] fpr, double[] tpr, double[] thresholds, double auc) {

  public RocCurve {
    if (label == null) {
      throw new IllegalArgumentException("label must not be null");
    }
    if (fpr == null || tpr == null || thresholds == null) {
      throw new IllegalArgumentException("fpr, tpr and thresholds must not be null");
    }
    if (fpr.length != tpr.length || fpr.length != thresholds.length) {
      throw new IllegalArgumentException(
          "fpr, tpr and thresholds must have equal lengths but were "
              + fpr.length
              + ", "
              + tpr.length
              + ", "
              + thresholds.length);
    }
    fpr = fpr.clone();
    tpr = tpr.clone();
    thresholds = thresholds.clone();
  }

  @Override
  public double[] fpr() {
    return fpr.clone();
  }

  @Override
  public double[] tpr() {
    return tpr.clone();
  }

  @Override
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** Number of points on the curve. */
  public int size() {
    return fpr.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RocCurve other
        && label.equals(other.label)
        && Arrays.equals(fpr, other.fpr)
        && Arrays.equals(tpr, other.tpr)
        && Arrays.equals(thresholds, other.thresholds)
        && Double.compare(auc, other.auc) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        label, Arrays.hashCode(fpr), Arrays.hashCode(tpr), Arrays.hashCode(thresholds), auc);
  }

  @Override
  public String toString() {
    return "RocCurve[label=" + label + ", points=" + fpr.length + ", auc=" + auc + "]";
  }
}
