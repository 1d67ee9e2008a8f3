package dev.earshot.classify.evaluate;

import java.util.Arrays;
import java.util.Comparator;

/** Turns one class's scores and the truth into its one-vs-rest ROC curve and exact AUC. */
final class Roc {

  private Roc() {}

  static RocCurve curve(String label, int[] truth, double[][] scores, int c) {
    int n = truth.length;
    int positives = 0;
    for (int t : truth) {
      if (t == c) {
        positives++;
      }
    }
    int negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return new RocCurve(label, new double[0], new double[0], new double[0], Double.NaN);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i][c]));

    // Mann-Whitney U from the rank sum of the positives, with tied scores sharing their mean rank;
    // this equals counting positive-negative pairs with ties as 1/2, in O(n log n).
    double positiveRankSum = 0;
    // Walking the same groups from the top gives one curve point per distinct threshold.
    double[] fpr = new double[n + 1];
    double[] tpr = new double[n + 1];
    double[] thresholds = new double[n + 1];
    thresholds[0] = Double.POSITIVE_INFINITY;
    int points = 1;
    int groupEnd = n;
    int tp = 0;
    int fp = 0;
    while (groupEnd > 0) {
      int groupStart = groupEnd - 1;
      double score = scores[order[groupStart]][c];
      while (groupStart > 0 && scores[order[groupStart - 1]][c] == score) {
        groupStart--;
      }
      // One-based ranks groupStart+1 .. groupEnd share their mean.
      double meanRank = (groupStart + 1 + groupEnd) / 2.0;
      for (int j = groupStart; j < groupEnd; j++) {
        if (truth[order[j]] == c) {
          positiveRankSum += meanRank;
          tp++;
        } else {
          fp++;
        }
      }
      fpr[points] = (double) fp / negatives;
      tpr[points] = (double) tp / positives;
      thresholds[points] = score;
      points++;
      groupEnd = groupStart;
    }
    double u = positiveRankSum - positives * (positives + 1) / 2.0;
    double auc = u / ((double) positives * negatives);
    return new RocCurve(
        label,
        Arrays.copyOf(fpr, points),
        Arrays.copyOf(tpr, points),
        Arrays.copyOf(thresholds, points),
        auc);
  }
}
