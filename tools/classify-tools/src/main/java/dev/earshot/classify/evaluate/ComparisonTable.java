package dev.earshot.classify.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Takes named models' Evaluations and returns a side-by-side text or JSON comparison; also holds
 * the probability-averaging and majority-vote ensemble helpers.
 */
public record ComparisonTable(List<Row> rows) {

  /** One model's name and its Evaluation. */
  public record Row(String model, Evaluation evaluation) {

    public Row {
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("model name must not be blank but was " + model);
      }
      if (evaluation == null) {
        throw new IllegalArgumentException("evaluation of model '" + model + "' must not be null");
      }
    }
  }

  private static final String[] HEADERS = {
    "model",
    "accuracy",
    "macro-f1",
    "weighted-f1",
    "minority-recall",
    "majority-recall",
    "top3-accuracy",
    "macro-roc-auc"
  };

  public ComparisonTable {
    if (rows == null) {
      throw new IllegalArgumentException("rows must not be null");
    }
    rows = List.copyOf(rows);
    Set<String> names = new HashSet<>();
    for (Row row : rows) {
      if (!names.add(row.model())) {
        throw new IllegalArgumentException(
            "model names must be unique but '" + row.model() + "' repeats");
      }
    }
  }

  /** An empty table, to be grown with {@link #with}. */
  public static ComparisonTable empty() {
    return new ComparisonTable(List.of());
  }

  /** A new table with one more row at the end. */
  public ComparisonTable with(String model, Evaluation evaluation) {
    List<Row> grown = new ArrayList<>(rows);
    grown.add(new Row(model, evaluation));
    return new ComparisonTable(grown);
  }

  /** Fixed-width table, one line per model in insertion order; NaN shows as "n/a". */
  public String text() {
    int modelWidth = HEADERS[0].length();
    for (Row row : rows) {
      modelWidth = Math.max(modelWidth, row.model().length());
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-" + modelWidth + "s", HEADERS[0]));
    for (int c = 1; c < HEADERS.length; c++) {
      out.append(String.format(Locale.ROOT, "  %" + HEADERS[c].length() + "s", HEADERS[c]));
    }
    out.append('\n');
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "%-" + modelWidth + "s", row.model()));
      double[] values = values(row.evaluation());
      for (int c = 1; c < HEADERS.length; c++) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %" + HEADERS[c].length() + "s",
                EvaluationReport.number(values[c - 1])));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static double[] values(Evaluation e) {
    return new double[] {
      e.accuracy(),
      e.macro().f1(),
      e.weighted().f1(),
      e.minorityRecall(),
      e.majorityRecall(),
      e.top3Accuracy(),
      e.macroRocAuc()
    };
  }

  /** Writes {"models": [{model, accuracy, macroF1, weightedF1, ...}]} with NaN as null. */
  public void writeJson(Path path) throws IOException {
    if (path == null) {
      throw new IllegalArgumentException("path must not be null");
    }
    ObjectNode root = Json.object();
    ArrayNode models = root.putArray("models");
    for (Row row : rows) {
      Evaluation e = row.evaluation();
      ObjectNode m = models.addObject();
      m.put("model", row.model());
      Json.put(m, "accuracy", e.accuracy());
      Json.put(m, "macroF1", e.macro().f1());
      Json.put(m, "weightedF1", e.weighted().f1());
      Json.put(m, "minorityRecall", e.minorityRecall());
      Json.put(m, "majorityRecall", e.majorityRecall());
      Json.put(m, "top3Accuracy", e.top3Accuracy());
      Json.put(m, "macroRocAuc", e.macroRocAuc());
    }
    Json.write(root, path);
  }

  /**
   * Element-wise mean of several models' probability matrices (a soft-voting ensemble); all must
   * have the same shape.
   */
  public static double[][] averageProbabilities(List<double[][]> perModel) {
    if (perModel == null || perModel.isEmpty()) {
      throw new IllegalArgumentException("perModel must not be null or empty but was " + perModel);
    }
    double[][] first = perModel.get(0);
    if (first == null) {
      throw new IllegalArgumentException("perModel[0] must not be null");
    }
    int n = first.length;
    int k = n == 0 ? 0 : first[0].length;
    double[][] sum = new double[n][k];
    for (int m = 0; m < perModel.size(); m++) {
      double[][] probabilities = perModel.get(m);
      checkShape("perModel", m, probabilities, n, k);
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < k; c++) {
          sum[i][c] += probabilities[i][c];
        }
      }
    }
    for (double[] row : sum) {
      for (int c = 0; c < k; c++) {
        row[c] /= perModel.size();
      }
    }
    return sum;
  }

  /** Most-voted class per example; ties go to the lowest class index. */
  public static int[] majorityVote(List<int[]> predictions, int labels) {
    return majorityVote(predictions, labels, null);
  }

  /**
   * Most-voted class per example; ties go to the tied class with the largest probability summed
   * over models, then to the lowest class index.
   *
   * @param probabilities per model, same order as predictions; null to break ties by index only
   */
  public static int[] majorityVote(
      List<int[]> predictions, int labels, List<double[][]> probabilities) {
    if (predictions == null || predictions.isEmpty()) {
      throw new IllegalArgumentException(
          "predictions must not be null or empty but was " + predictions);
    }
    if (labels < 1) {
      throw new IllegalArgumentException("labels must be >= 1 but was " + labels);
    }
    int[] first = predictions.get(0);
    if (first == null) {
      throw new IllegalArgumentException("predictions[0] must not be null");
    }
    int n = first.length;
    for (int m = 0; m < predictions.size(); m++) {
      int[] p = predictions.get(m);
      if (p == null || p.length != n) {
        throw new IllegalArgumentException(
            "predictions["
                + m
                + "] must have "
                + n
                + " entries but had "
                + (p == null ? "null" : p.length));
      }
      for (int i = 0; i < n; i++) {
        if (p[i] < 0 || p[i] >= labels) {
          throw new IllegalArgumentException(
              "predictions[" + m + "][" + i + "] = " + p[i] + " is not in [0, " + labels + ")");
        }
      }
    }
    if (probabilities != null) {
      if (probabilities.size() != predictions.size()) {
        throw new IllegalArgumentException(
            "probabilities must have one matrix per model ("
                + predictions.size()
                + ") but had "
                + probabilities.size());
      }
      for (int m = 0; m < probabilities.size(); m++) {
        checkShape("probabilities", m, probabilities.get(m), n, labels);
      }
    }
    int[] result = new int[n];
    for (int i = 0; i < n; i++) {
      int[] votes = new int[labels];
      for (int[] p : predictions) {
        votes[p[i]]++;
      }
      double[] mass = new double[labels];
      if (probabilities != null) {
        for (double[][] probs : probabilities) {
          for (int c = 0; c < labels; c++) {
            mass[c] += probs[i][c];
          }
        }
      }
      int best = 0;
      for (int c = 1; c < labels; c++) {
        if (votes[c] > votes[best] || (votes[c] == votes[best] && mass[c] > mass[best])) {
          best = c;
        }
      }
      result[i] = best;
    }
    return result;
  }

  private static void checkShape(String name, int m, double[][] matrix, int n, int k) {
    if (matrix == null || matrix.length != n) {
      throw new IllegalArgumentException(
          name
              + "["
              + m
              + "] must have "
              + n
              + " rows but had "
              + (matrix == null ? "null" : matrix.length));
    }
    for (int i = 0; i < n; i++) {
      if (matrix[i] == null || matrix[i].length != k) {
        throw new IllegalArgumentException(
            name
                + "["
                + m
                + "]["
                + i
                + "] must have "
                + k
                + " entries but had "
                + (matrix[i] == null ? "null" : matrix[i].length));
      }
    }
  }
}
