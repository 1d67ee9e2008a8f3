package dev.earshot.classify.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Turns per-example class labels and a seed into stratified train/validation/test index splits or
 * cross-validation folds.
 *
 * <p>Results are deterministic for a given label array and seed: classes are visited in ascending
 * label order and each class's indices are shuffled with one {@link SplittableRandom} seeded once.
 * Every returned index array is sorted ascending.
 */
public final class Splits {

  private Splits() {}

  /** Sorted, disjoint example indices for training, validation and testing. */
  public record Split(int[] train, int[] validation, int[] test) {

    public Split {
      Objects.requireNonNull(train, "train");
      Objects.requireNonNull(validation, "validation");
      Objects.requireNonNull(test, "test");
      train = train.clone();
      validation = validation.clone();
      test = test.clone();
    }

    @Override
    public int[] train() {
      return train.clone();
    }

    @Override
    public int[] validation() {
      return validation.clone();
    }

    @Override
    public int[] test() {
      return test.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Split other
          && Arrays.equals(train, other.train)
          && Arrays.equals(validation, other.validation)
          && Arrays.equals(test, other.test);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          Arrays.hashCode(train), Arrays.hashCode(validation), Arrays.hashCode(test));
    }

    @Override
    public String toString() {
      return "Split[train="
          + train.length
          + ", validation="
          + validation.length
          + ", test="
          + test.length
          + "]";
    }
  }

  /**
   * Splits each class proportionally: {@code round(m * validationFraction)} examples of a class of
   * size m go to validation, {@code round(m * testFraction)} to test (testFraction = 1 - train -
   * validation) and the rest to train; every class with at least 3 examples gets at least one
   * example in each part, taken from the largest part when needed.
   *
   * @param labels class of each example (any int values)
   * @param trainFraction in (0, 1)
   * @param validationFraction in (0, 1); trainFraction + validationFraction must be below 1
   */
  public static Split stratifiedSplit(
      int[] labels, double trainFraction, double validationFraction, long seed) {
    requireLabels(labels);
    requireFraction("trainFraction", trainFraction);
    requireFraction("validationFraction", validationFraction);
    if (trainFraction + validationFraction >= 1) {
      throw new IllegalArgumentException(
          "trainFraction + validationFraction must be < 1 so the test part is non-empty but was "
              + trainFraction
              + " + "
              + validationFraction
              + " = "
              + (trainFraction + validationFraction));
    }
    double testFraction = 1 - trainFraction - validationFraction;
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int[] members : shuffledClasses(labels, random).values()) {
      int m = members.length;
      int nValidation = (int) Math.round(m * validationFraction);
      int nTest = (int) Math.round(m * testFraction);
      if (m >= 3) {
        nValidation = Math.max(1, nValidation);
        nTest = Math.max(1, nTest);
      }
      int nTrain = m - nValidation - nTest;
      // Rounding up small parts can overdraw the class; give back from the larger of them so
      // train keeps at least one example whenever the class can afford it.
      while (nTrain < (m >= 3 ? 1 : 0)) {
        if (nValidation >= nTest) {
          nValidation--;
        } else {
          nTest--;
        }
        nTrain++;
      }
      for (int j = 0; j < m; j++) {
        if (j < nTrain) {
          train.add(members[j]);
        } else if (j < nTrain + nValidation) {
          validation.add(members[j]);
        } else {
          test.add(members[j]);
        }
      }
    }
    return new Split(sorted(train), sorted(validation), sorted(test));
  }

  /**
   * Like {@link #stratifiedSplit}, but whole groups (speakers, source recordings) go to one part,
   * so the test part measures voices and sources the model never heard. Groups are dealt per class
   * (a group's class is its most frequent label): test first until it holds its share of the class,
   * then validation, then train. Every class with at least 3 groups gets a group in each part.
   *
   * @param groups group of each example; equal strings are one group
   */
  public static Split groupedSplit(
      int[] labels, String[] groups, double trainFraction, double validationFraction, long seed) {
    requireLabels(labels);
    if (groups.length != labels.length) {
      throw new IllegalArgumentException(
          groups.length + " groups for " + labels.length + " labels");
    }
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
    }
    String[] names = members.keySet().toArray(new String[0]);
    int[] groupLabels = new int[names.length];
    for (int g = 0; g < names.length; g++) {
      Map<Integer, Integer> counts = new TreeMap<>();
      for (int i : members.get(names[g])) {
        counts.merge(labels[i], 1, Integer::sum);
      }
      groupLabels[g] =
          counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
    Split byGroup = stratifiedSplit(groupLabels, trainFraction, validationFraction, seed);
    return new Split(
        expand(byGroup.train(), names, members),
        expand(byGroup.validation(), names, members),
        expand(byGroup.test(), names, members));
  }

  private static int[] expand(
      int[] groupIndices, String[] names, Map<String, List<Integer>> members) {
    List<Integer> out = new ArrayList<>();
    for (int g : groupIndices) {
      out.addAll(members.get(names[g]));
    }
    return sorted(out);
  }

  /**
   * Splits the indices into k disjoint test folds that together cover every index once; each
   * class's shuffled members are dealt round-robin over the folds (continuing where the previous
   * class stopped), so per-class and total fold sizes differ by at most one.
   *
   * @param k number of folds, at least 2 and at most labels.length
   */
  public static List<int[]> stratifiedFolds(int[] labels, int k, long seed) {
    requireLabels(labels);
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2 but was " + k);
    }
    if (k > labels.length) {
      throw new IllegalArgumentException(
          "k must be <= the number of examples (" + labels.length + ") but was " + k);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<List<Integer>> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    int next = 0;
    for (int[] members : shuffledClasses(labels, random).values()) {
      for (int index : members) {
        folds.get(next).add(index);
        next = (next + 1) % k;
      }
    }
    List<int[]> result = new ArrayList<>(k);
    for (List<Integer> fold : folds) {
      result.add(sorted(fold));
    }
    return List.copyOf(result);
  }

  private static Map<Integer, int[]> shuffledClasses(int[] labels, SplittableRandom random) {
    Map<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      byClass.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(i);
    }
    Map<Integer, int[]> shuffled = new TreeMap<>();
    for (Map.Entry<Integer, List<Integer>> e : byClass.entrySet()) {
      int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      shuffle(members, random);
      shuffled.put(e.getKey(), members);
    }
    return shuffled;
  }

  // Own Fisher-Yates rather than Collections.shuffle so the sequence depends only on this code and
  // SplittableRandom's specified algorithm.
  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }

  private static int[] sorted(List<Integer> indices) {
    int[] a = indices.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(a);
    return a;
  }

  private static void requireLabels(int[] labels) {
    if (labels == null || labels.length == 0) {
      throw new IllegalArgumentException(
          "labels must not be null or empty but was " + Arrays.toString(labels));
    }
  }

  private static void requireFraction(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1) but was " + value);
    }
  }
}
