package dev.earshot.classify.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Metrics of a single-label classifier on one test set, computed from the true class indices and
 * the per-class scores (or predictions) the classifier gave each example.
 *
 * <p>Zero-division follows scikit-learn's {@code zero_division=0}: a class that is never predicted
 * has precision 0, a class absent from the truth has recall 0, and F1 is 0 when precision + recall
 * is 0.
 *
 * @param labels class names, indexed by class index
 * @param n number of examples
 * @param top3Accuracy share of examples whose true class is among the {@code min(3, labels)}
 *     highest-scored classes
 * @param confusionMatrix counts with rows = true class and columns = predicted class
 * @param macroRocAuc mean of the per-class ROC AUCs that are not NaN; NaN when all are
 * @param rocCurves one-vs-rest ROC curve per class, in label order
 */
public record Evaluation(
    List<String> labels,
    int n,
    double accuracy,
    double top3Accuracy,
    int[][] confusionMatrix,
    List<ClassMetrics> perClass,
    Averages macro,
    Averages micro,
    Averages weighted,
    double macroRocAuc,
    List<RocCurve> rocCurves) {

  /** The k used for {@link #top3Accuracy()} when there are at least this many labels. */
  public static final int TOP_K = 3;

  public Evaluation {
    labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    perClass = List.copyOf(Objects.requireNonNull(perClass, "perClass"));
    rocCurves = List.copyOf(Objects.requireNonNull(rocCurves, "rocCurves"));
    Objects.requireNonNull(macro, "macro");
    Objects.requireNonNull(micro, "micro");
    Objects.requireNonNull(weighted, "weighted");
    int k = labels.size();
    if (confusionMatrix == null || confusionMatrix.length != k) {
      throw new IllegalArgumentException(
          "confusionMatrix must have "
              + k
              + " rows but had "
              + (confusionMatrix == null ? "null" : confusionMatrix.length));
    }
    confusionMatrix = deepCopy(confusionMatrix);
    for (int i = 0; i < k; i++) {
      if (confusionMatrix[i] == null || confusionMatrix[i].length != k) {
        throw new IllegalArgumentException(
            "confusionMatrix[" + i + "] must have " + k + " columns");
      }
    }
    if (perClass.size() != k || rocCurves.size() != k) {
      throw new IllegalArgumentException(
          "perClass and rocCurves must have one entry per label ("
              + k
              + ") but had "
              + perClass.size()
              + " and "
              + rocCurves.size());
    }
  }

  /**
   * Evaluates per-class scores; the predicted class of each example is the index of its highest
   * score, the lowest index winning ties.
   *
   * @param labels class names, unique and non-blank
   * @param truth true class index of each example
   * @param probabilities one row per example with one finite score per label; rows need not sum to
   *     1
   */
  public static Evaluation of(List<String> labels, int[] truth, double[][] probabilities) {
    validateLabels(labels);
    if (truth == null || probabilities == null) {
      throw new IllegalArgumentException("truth and probabilities must not be null");
    }
    if (truth.length == 0) {
      throw new IllegalArgumentException("truth must not be empty");
    }
    if (truth.length != probabilities.length) {
      throw new IllegalArgumentException(
          "truth has "
              + truth.length
              + " examples but probabilities has "
              + probabilities.length
              + " rows");
    }
    int k = labels.size();
    for (int i = 0; i < truth.length; i++) {
      checkClassIndex("truth", i, truth[i], k);
      double[] row = probabilities[i];
      if (row == null || row.length != k) {
        throw new IllegalArgumentException(
            "probabilities["
                + i
                + "] must have "
                + k
                + " entries (one per label) but had "
                + (row == null ? "null" : row.length));
      }
      for (int c = 0; c < k; c++) {
        if (!Double.isFinite(row[c])) {
          throw new IllegalArgumentException(
              "probabilities[" + i + "][" + c + "] must be finite but was " + row[c]);
        }
      }
    }
    return compute(List.copyOf(labels), truth, probabilities);
  }

  /**
   * Evaluates hard predictions by treating each as a one-hot score row.
   *
   * <p>Scores from one-hot rows are mostly ties, so the ROC AUCs reduce to balanced accuracy per
   * class and the top-3 accuracy is decided by the lowest-index tie rule; prefer {@link #of} when
   * real scores exist.
   */
  public static Evaluation ofPredictions(List<String> labels, int[] truth, int[] predicted) {
    validateLabels(labels);
    if (truth == null || predicted == null) {
      throw new IllegalArgumentException("truth and predicted must not be null");
    }
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "truth has " + truth.length + " examples but predicted has " + predicted.length);
    }
    int k = labels.size();
    double[][] oneHot = new double[predicted.length][k];
    for (int i = 0; i < predicted.length; i++) {
      checkClassIndex("predicted", i, predicted[i], k);
      oneHot[i][predicted[i]] = 1.0;
    }
    return of(labels, truth, oneHot);
  }

  private static Evaluation compute(List<String> labels, int[] truth, double[][] probabilities) {
    int k = labels.size();
    int n = truth.length;
    int topK = Math.min(TOP_K, k);
    int[][] confusion = new int[k][k];
    int correct = 0;
    int topKHits = 0;
    for (int i = 0; i < n; i++) {
      double[] row = probabilities[i];
      int predicted = argmax(row);
      confusion[truth[i]][predicted]++;
      if (predicted == truth[i]) {
        correct++;
      }
      if (rank(row, truth[i]) < topK) {
        topKHits++;
      }
    }

    int[] support = new int[k];
    int[] predictedCount = new int[k];
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        support[t] += confusion[t][p];
        predictedCount[p] += confusion[t][p];
      }
    }

    List<ClassMetrics> perClass = new ArrayList<>(k);
    List<RocCurve> curves = new ArrayList<>(k);
    double sumP = 0;
    double sumR = 0;
    double sumF = 0;
    double weightedP = 0;
    double weightedR = 0;
    double weightedF = 0;
    double aucSum = 0;
    int aucCount = 0;
    for (int c = 0; c < k; c++) {
      int tp = confusion[c][c];
      double precision = predictedCount[c] == 0 ? 0.0 : (double) tp / predictedCount[c];
      double recall = support[c] == 0 ? 0.0 : (double) tp / support[c];
      double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
      RocCurve curve = Roc.curve(labels.get(c), truth, probabilities, c);
      curves.add(curve);
      perClass.add(new ClassMetrics(labels.get(c), precision, recall, f1, support[c], curve.auc()));
      sumP += precision;
      sumR += recall;
      sumF += f1;
      weightedP += precision * support[c];
      weightedR += recall * support[c];
      weightedF += f1 * support[c];
      if (!Double.isNaN(curve.auc())) {
        aucSum += curve.auc();
        aucCount++;
      }
    }
    double accuracy = (double) correct / n;
    // With exactly one predicted and one true label per example, pooled TP / pooled predictions
    // and pooled TP / pooled support are both correct / n, so every micro average is the accuracy.
    Averages micro = new Averages(accuracy, accuracy, accuracy);
    return new Evaluation(
        labels,
        n,
        accuracy,
        (double) topKHits / n,
        confusion,
        perClass,
        new Averages(sumP / k, sumR / k, sumF / k),
        micro,
        new Averages(weightedP / n, weightedR / n, weightedF / n),
        aucCount == 0 ? Double.NaN : aucSum / aucCount,
        curves);
  }

  /** Index of the largest entry; the lowest index wins ties. */
  static int argmax(double[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * Zero-based position of class {@code c} when classes are ordered by descending score with the
   * lowest index first among ties, so top-1 agrees with {@link #argmax}.
   */
  private static int rank(double[] row, int c) {
    int ahead = 0;
    for (int j = 0; j < row.length; j++) {
      if (row[j] > row[c] || (row[j] == row[c] && j < c)) {
        ahead++;
      }
    }
    return ahead;
  }

  /** Recall of the class with the smallest positive support; the first such class wins ties. */
  public double minorityRecall() {
    return minorityClass().recall();
  }

  /** Recall of the class with the largest support; the first such class wins ties. */
  public double majorityRecall() {
    return majorityClass().recall();
  }

  /**
   * The class with the smallest support among classes present in the truth; the first wins ties.
   * Absent classes are skipped because their recall is 0 by convention, not by the model's doing.
   */
  public ClassMetrics minorityClass() {
    ClassMetrics best = null;
    for (ClassMetrics m : perClass) {
      if (m.support() > 0 && (best == null || m.support() < best.support())) {
        best = m;
      }
    }
    return best;
  }

  /** The class with the largest support; the first wins ties. */
  public ClassMetrics majorityClass() {
    ClassMetrics best = perClass.get(0);
    for (ClassMetrics m : perClass) {
      if (m.support() > best.support()) {
        best = m;
      }
    }
    return best;
  }

  /** Number of highest-scored classes that count as a hit in {@link #top3Accuracy()}. */
  public int topK() {
    return Math.min(TOP_K, labels.size());
  }

  /** Per-class ROC AUCs in label order; NaN where undefined. */
  public double[] rocAuc() {
    return perClass.stream().mapToDouble(ClassMetrics::rocAuc).toArray();
  }

  @Override
  public int[][] confusionMatrix() {
    return deepCopy(confusionMatrix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Evaluation other
        && n == other.n
        && Double.compare(accuracy, other.accuracy) == 0
        && Double.compare(top3Accuracy, other.top3Accuracy) == 0
        && Double.compare(macroRocAuc, other.macroRocAuc) == 0
        && labels.equals(other.labels)
        && Arrays.deepEquals(confusionMatrix, other.confusionMatrix)
        && perClass.equals(other.perClass)
        && macro.equals(other.macro)
        && micro.equals(other.micro)
        && weighted.equals(other.weighted)
        && rocCurves.equals(other.rocCurves);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        labels,
        n,
        accuracy,
        top3Accuracy,
        Arrays.deepHashCode(confusionMatrix),
        perClass,
        macro,
        micro,
        weighted,
        macroRocAuc,
        rocCurves);
  }

  @Override
  public String toString() {
    return "Evaluation[labels="
        + labels
        + ", n="
        + n
        + ", accuracy="
        + accuracy
        + ", macroF1="
        + macro.f1()
        + ", macroRocAuc="
        + macroRocAuc
        + "]";
  }

  private static void validateLabels(List<String> labels) {
    if (labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException("labels must not be null or empty but was " + labels);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("labels[" + i + "] must not be blank but was " + label);
      }
      if (!seen.add(label)) {
        throw new IllegalArgumentException("labels must be unique but '" + label + "' repeats");
      }
    }
  }

  private static void checkClassIndex(String name, int i, int value, int k) {
    if (value < 0 || value >= k) {
      throw new IllegalArgumentException(
          name + "[" + i + "] = " + value + " is not a class index in [0, " + k + ")");
    }
  }

  private static int[][] deepCopy(int[][] matrix) {
    int[][] copy = new int[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = matrix[i] == null ? null : matrix[i].clone();
    }
    return copy;
  }
}
