package dev.earshot.classify.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an Evaluation (plus an optional training curve and cross-validation result) into JSON, a
 * fixed-width text report and PNG plots.
 */
public final class EvaluationReport {

  public static final String JSON_FILE = "evaluation.json";
  public static final String TEXT_FILE = "report.txt";
  public static final String CROSS_VALIDATION_FILE = "cross-validation.json";
  public static final String CONFUSION_MATRIX_FILE = "confusion-matrix.png";
  public static final String ROC_FILE = "roc.png";
  public static final String TRAINING_CURVES_FILE = "training-curves.png";

  private EvaluationReport() {}

  /**
   * Writes labels, n, accuracy, top3Accuracy, averages, perClass, confusionMatrix, rocAuc,
   * minorityRecall and majorityRecall as indented JSON, with NaN written as null.
   */
  public static void writeJson(Evaluation evaluation, Path path) throws IOException {
    requireNonNull(evaluation, "evaluation");
    requireNonNull(path, "path");
    Json.write(toJson(evaluation), path);
  }

  static ObjectNode toJson(Evaluation e) {
    ObjectNode root = Json.object();
    ArrayNode labels = root.putArray("labels");
    e.labels().forEach(labels::add);
    root.put("n", e.n());
    Json.put(root, "accuracy", e.accuracy());
    Json.put(root, "top3Accuracy", e.top3Accuracy());
    ObjectNode averages = root.putObject("averages");
    putAverages(averages.putObject("macro"), e.macro());
    putAverages(averages.putObject("micro"), e.micro());
    putAverages(averages.putObject("weighted"), e.weighted());
    ArrayNode perClass = root.putArray("perClass");
    for (ClassMetrics m : e.perClass()) {
      ObjectNode c = perClass.addObject();
      c.put("label", m.label());
      Json.put(c, "precision", m.precision());
      Json.put(c, "recall", m.recall());
      Json.put(c, "f1", m.f1());
      c.put("support", m.support());
      Json.put(c, "rocAuc", m.rocAuc());
    }
    ArrayNode matrix = root.putArray("confusionMatrix");
    for (int[] row : e.confusionMatrix()) {
      ArrayNode r = matrix.addArray();
      for (int count : row) {
        r.add(count);
      }
    }
    ObjectNode auc = root.putObject("rocAuc");
    ObjectNode aucPerClass = auc.putObject("perClass");
    for (ClassMetrics m : e.perClass()) {
      Json.put(aucPerClass, m.label(), m.rocAuc());
    }
    Json.put(auc, "macro", e.macroRocAuc());
    Json.put(root, "minorityRecall", e.minorityRecall());
    Json.put(root, "majorityRecall", e.majorityRecall());
    return root;
  }

  private static void putAverages(ObjectNode node, Averages a) {
    Json.put(node, "precision", a.precision());
    Json.put(node, "recall", a.recall());
    Json.put(node, "f1", a.f1());
  }

  /**
   * Writes the per-fold and mean ± standard deviation accuracy and macro F1 of a cross-validation
   * run as JSON.
   */
  public static void writeJson(CrossValidationResult result, Path path) throws IOException {
    requireNonNull(result, "result");
    requireNonNull(path, "path");
    ObjectNode root = Json.object();
    root.put("k", result.k());
    putSummary(root.putObject("accuracy"), result.accuracy());
    putSummary(root.putObject("macroF1"), result.macroF1());
    ArrayNode folds = root.putArray("folds");
    for (Evaluation e : result.folds()) {
      ObjectNode f = folds.addObject();
      f.put("n", e.n());
      Json.put(f, "accuracy", e.accuracy());
      Json.put(f, "macroF1", e.macro().f1());
    }
    Json.write(root, path);
  }

  private static void putSummary(ObjectNode node, CrossValidationResult.Summary s) {
    Json.put(node, "mean", s.mean());
    Json.put(node, "std", s.std());
  }

  /**
   * A classification_report-style table (per-class precision, recall, F1, ROC AUC, support, then
   * accuracy, averages and top-k), the minority/majority recalls, and the confusion matrix with
   * label headers.
   */
  public static String text(Evaluation e) {
    requireNonNull(e, "evaluation");
    int nameWidth = "weighted avg".length();
    for (String label : e.labels()) {
      nameWidth = Math.max(nameWidth, label.length());
    }
    String topK = "top-" + e.topK() + " accuracy";
    nameWidth = Math.max(nameWidth, topK.length());
    String rowFormat = "%" + nameWidth + "s %10s %10s %10s %10s %10s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, rowFormat, "", "precision", "recall", "f1-score", "roc-auc", "support"));
    out.append('\n');
    for (ClassMetrics m : e.perClass()) {
      out.append(
          String.format(
              Locale.ROOT,
              rowFormat,
              m.label(),
              number(m.precision()),
              number(m.recall()),
              number(m.f1()),
              number(m.rocAuc()),
              m.support()));
    }
    out.append('\n');
    String n = Integer.toString(e.n());
    out.append(
        String.format(Locale.ROOT, rowFormat, "accuracy", "", "", number(e.accuracy()), "", n));
    appendAverages(out, rowFormat, "macro avg", e.macro(), number(e.macroRocAuc()), n);
    appendAverages(out, rowFormat, "micro avg", e.micro(), "", n);
    appendAverages(out, rowFormat, "weighted avg", e.weighted(), "", n);
    out.append(
        String.format(Locale.ROOT, rowFormat, topK, "", "", number(e.top3Accuracy()), "", n));
    out.append('\n');
    ClassMetrics minority = e.minorityClass();
    ClassMetrics majority = e.majorityClass();
    out.append(
        String.format(
            Locale.ROOT,
            "minority-class recall: %s (%s, support %d)%n",
            number(minority.recall()),
            minority.label(),
            minority.support()));
    out.append(
        String.format(
            Locale.ROOT,
            "majority-class recall: %s (%s, support %d)%n",
            number(majority.recall()),
            majority.label(),
            majority.support()));
    out.append('\n');
    out.append(confusionText(e.labels(), e.confusionMatrix()));
    return out.toString();
  }

  private static void appendAverages(
      StringBuilder out, String rowFormat, String name, Averages a, String auc, String n) {
    out.append(
        String.format(
            Locale.ROOT,
            rowFormat,
            name,
            number(a.precision()),
            number(a.recall()),
            number(a.f1()),
            auc,
            n));
  }

  private static String confusionText(List<String> labels, int[][] matrix) {
    int width = 1;
    for (String label : labels) {
      width = Math.max(width, label.length());
    }
    for (int[] row : matrix) {
      for (int count : row) {
        width = Math.max(width, Integer.toString(count).length());
      }
    }
    String cell = " %" + width + "s";
    StringBuilder out = new StringBuilder("confusion matrix (rows = true, columns = predicted)\n");
    out.append(String.format(Locale.ROOT, "%" + width + "s", ""));
    for (String label : labels) {
      out.append(String.format(Locale.ROOT, cell, label));
    }
    out.append('\n');
    for (int t = 0; t < labels.size(); t++) {
      out.append(String.format(Locale.ROOT, "%" + width + "s", labels.get(t)));
      for (int count : matrix[t]) {
        out.append(String.format(Locale.ROOT, cell, count));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Mean ± standard deviation of accuracy and macro F1, then each fold's numbers. */
  public static String text(CrossValidationResult result) {
    requireNonNull(result, "result");
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "cross-validation, %d folds%n", result.k()));
    out.append(
        String.format(
            Locale.ROOT,
            "accuracy  %s ± %s%n",
            number(result.accuracy().mean()),
            number(result.accuracy().std())));
    out.append(
        String.format(
            Locale.ROOT,
            "macro F1  %s ± %s%n",
            number(result.macroF1().mean()),
            number(result.macroF1().std())));
    for (int f = 0; f < result.k(); f++) {
      Evaluation e = result.folds().get(f);
      out.append(
          String.format(
              Locale.ROOT,
              "fold %d: n=%d accuracy=%s macroF1=%s%n",
              f + 1,
              e.n(),
              number(e.accuracy()),
              number(e.macro().f1())));
    }
    return out.toString();
  }

  /**
   * Writes evaluation.json, report.txt, confusion-matrix.png and roc.png into {@code dir} (created
   * if missing), plus training-curves.png when a curve is given and cross-validation.json (and a
   * cross-validation section in report.txt) when a result is given.
   */
  public static void writeAll(
      Evaluation evaluation,
      Optional<TrainingCurve> trainingCurve,
      Optional<CrossValidationResult> crossValidation,
      Path dir)
      throws IOException {
    requireNonNull(evaluation, "evaluation");
    requireNonNull(trainingCurve, "trainingCurve");
    requireNonNull(crossValidation, "crossValidation");
    requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    writeJson(evaluation, dir.resolve(JSON_FILE));
    String report = text(evaluation);
    if (crossValidation.isPresent()) {
      report += "\n" + text(crossValidation.get());
      writeJson(crossValidation.get(), dir.resolve(CROSS_VALIDATION_FILE));
    }
    Files.writeString(dir.resolve(TEXT_FILE), report, StandardCharsets.UTF_8);
    Charts.confusionMatrix(evaluation, dir.resolve(CONFUSION_MATRIX_FILE));
    Charts.roc(evaluation, dir.resolve(ROC_FILE));
    if (trainingCurve.isPresent()) {
      Charts.trainingCurves(trainingCurve.get(), dir.resolve(TRAINING_CURVES_FILE));
    }
  }

  /** Four decimals, or "n/a" for NaN, so undefined metrics stand out instead of printing "NaN". */
  static String number(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }
}
