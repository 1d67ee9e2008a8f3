package dev.earshot.classify.experiment;

import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.evaluate.Splits;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.train.FeatureTable;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.classify.train.TrainingOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * How a model does on sources it never saw: for each source family, trains on every other clip and
 * tests on that family's. A family is everything one package (or recording) gave, in any class:
 * holding out {@code hedgewars} removes its voices, music and effects together. Families that are
 * made rather than recorded (speech synthesis, SoX) always train and are never scored.
 */
public final class LeaveOneSourceOut {

  /**
   * One held-out family: its clips, how many were right, and per label how many were right of how
   * many.
   */
  public record Fold(String family, int clips, int correct, Map<String, int[]> labels) {
    public double accuracy() {
      return clips == 0 ? 0 : (double) correct / clips;
    }
  }

  /**
   * @param pooled every held-out clip's prediction, scored together
   */
  public record Result(List<Fold> folds, Evaluation pooled) {

    /** The lowest accuracy of any family. */
    public Fold worst() {
      return folds.stream().min((a, b) -> Double.compare(a.accuracy(), b.accuracy())).orElseThrow();
    }

    /** A table: one line per family, then the pooled figures. */
    public String text() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT, "%-16s %6s %9s  %s%n", "family", "clips", "accuracy", "labels"));
      for (Fold f : folds) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-16s %6d %8.1f%%  %s%n",
                f.family(),
                f.clips(),
                100 * f.accuracy(),
                labels(f.labels())));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "pooled: %d clips, accuracy %.1f%%, macro F1 %.1f%%; worst family %s %.1f%%%n",
              pooled.n(),
              100 * pooled.accuracy(),
              100 * pooled.macro().f1(),
              worst().family(),
              100 * worst().accuracy()));
      return out.toString();
    }
  }

  private LeaveOneSourceOut() {}

  private static String labels(Map<String, int[]> labels) {
    List<String> parts = new ArrayList<>();
    labels.forEach((label, t) -> parts.add(label + " " + t[0] + "/" + t[1]));
    return String.join(", ", parts);
  }

  /**
   * @param families the family of each item, aligned with {@code items}
   * @param scored whether each item is scored when its family is held out: made clips of a recorded
   *     family (melodies played on its samples) are held out with it but not scored
   * @param trainingOnly families that always train and are never held out
   * @param settings the feature set and seed; no augmentation is done
   * @param progress told the index of each file once its features are done
   */
  public static Result run(
      List<LabelledAudio> items,
      List<String> families,
      List<Boolean> scored,
      Set<String> trainingOnly,
      Featurizer featurizer,
      Variant variant,
      TrainingData.Settings settings,
      TrainingOptions options,
      IntConsumer progress)
      throws IOException {
    if (families.size() != items.size() || scored.size() != items.size()) {
      throw new IllegalArgumentException(
          families.size()
              + " families and "
              + scored.size()
              + " flags for "
              + items.size()
              + " items");
    }
    // Features once for every fold: the held-out family only changes which rows train.
    FeatureTable table =
        FeatureTable.build(
            items,
            featurizer,
            new TrainingData.Settings(variant.features(), 1, 0, 0, settings.seed()),
            new boolean[items.size()],
            progress);
    List<String> labels = LabelledAudio.labels(items);
    Map<String, List<Integer>> byFamily = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      byFamily.computeIfAbsent(families.get(i), f -> new ArrayList<>()).add(i);
    }
    List<Fold> folds = new ArrayList<>();
    List<Integer> truth = new ArrayList<>();
    List<Integer> predicted = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> family : byFamily.entrySet()) {
      if (trainingOnly.contains(family.getKey())) {
        continue;
      }
      Set<Integer> held = Set.copyOf(family.getValue());
      List<Integer> train = new ArrayList<>();
      List<Integer> validation = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (!held.contains(i)) {
          // A tenth of the groups (voices, tracks) decide when training stops.
          String group = items.get(i).splitGroup();
          boolean stops = Math.floorMod((group + settings.seed()).hashCode(), 10) == 0;
          (stops ? validation : train).add(i);
        }
      }
      if (validation.isEmpty()) {
        // A handful of groups can all hash to training; the trainers need something to stop on.
        for (int k = train.size() - 1;
            k >= 0 && validation.size() < Math.max(1, train.size() / 10);
            k -= 10) {
          validation.add(train.remove(k));
        }
      }
      List<Integer> test = family.getValue().stream().filter(scored::get).toList();
      if (test.isEmpty()) {
        continue;
      }
      Splits.Split split = new Splits.Split(ints(train), ints(validation), ints(test));
      TrainingData.Parts parts = table.parts(split);
      try (Trained trained = Experiments.fit(variant, parts, options, e -> {})) {
        double[][] p = trained.testProbabilities();
        int[] y = parts.test().labels();
        int correct = 0;
        Map<String, int[]> counts = new TreeMap<>();
        for (int k = 0; k < y.length; k++) {
          int best = argmax(p[k]);
          correct += best == y[k] ? 1 : 0;
          truth.add(y[k]);
          predicted.add(best);
          int[] tally = counts.computeIfAbsent(labels.get(y[k]), l -> new int[2]);
          tally[0] += best == y[k] ? 1 : 0;
          tally[1]++;
        }
        folds.add(new Fold(family.getKey(), y.length, correct, counts));
      }
    }
    Evaluation pooled =
        Evaluation.ofPredictions(
            labels,
            truth.stream().mapToInt(Integer::intValue).toArray(),
            predicted.stream().mapToInt(Integer::intValue).toArray());
    return new Result(folds, pooled);
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }
}
