package dev.earshot.classify.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

  /** Class sizes 40, 20, 7, 3, 1 and 2, interleaved so classes are not contiguous. */
  static int[] imbalanced() {
    int[] sizes = {40, 20, 7, 3, 1, 2};
    int total = Arrays.stream(sizes).sum();
    int[] labels = new int[total];
    int[] left = sizes.clone();
    int i = 0;
    while (i < total) {
      for (int c = 0; c < sizes.length; c++) {
        if (left[c] > 0) {
          labels[i++] = c;
          left[c]--;
        }
      }
    }
    return labels;
  }

  @Test
  void splitPartsAreDisjointAndCoverEveryIndex() {
    int[] labels = imbalanced();
    Splits.Split split = Splits.stratifiedSplit(labels, 0.7, 0.15, 42);
    int[] all =
        IntStream.concat(
                IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.test()))
            .sorted()
            .toArray();
    assertThat(all).isEqualTo(IntStream.range(0, labels.length).toArray());
    assertThat(split.train()).isSorted();
    assertThat(split.validation()).isSorted();
    assertThat(split.test()).isSorted();
  }

  @Test
  void splitTakesEachClassProportionally() {
    // class 0 (40): val round(6) = 6, test round(6) = 6, train 28
    // class 1 (20): val round(3) = 3, test 3, train 14
    // class 2 (7):  val round(1.05) = 1, test 1, train 5
    // class 3 (3):  val round(0.45) = 0 -> 1, test 0 -> 1, train 1
    // class 4 (1):  val 0, test 0, train 1
    // class 5 (2):  val round(0.3) = 0, test 0, train 2 (fewer than 3, no minimum)
    int[] labels = imbalanced();
    Splits.Split split = Splits.stratifiedSplit(labels, 0.7, 0.15, 42);
    assertThat(countPerClass(labels, split.train(), 6)).containsExactly(28, 14, 5, 1, 1, 2);
    assertThat(countPerClass(labels, split.validation(), 6)).containsExactly(6, 3, 1, 1, 0, 0);
    assertThat(countPerClass(labels, split.test(), 6)).containsExactly(6, 3, 1, 1, 0, 0);
  }

  @Test
  void everyClassWithThreeExamplesGetsOneInEachPartEvenWhenFractionsAreSkewed() {
    // 3 examples with test fraction 0.9: val round(0.15) = 0 -> 1, test round(2.7) = 3, train -1;
    // give back from the larger part (test) until train has 1: 1 / 1 / 1.
    int[] labels = {0, 0, 0};
    Splits.Split split = Splits.stratifiedSplit(labels, 0.05, 0.05, 1);
    assertThat(split.train()).hasSize(1);
    assertThat(split.validation()).hasSize(1);
    assertThat(split.test()).hasSize(1);
  }

  @Test
  void splitIsDeterministicPerSeed() {
    int[] labels = imbalanced();
    assertThat(Splits.stratifiedSplit(labels, 0.6, 0.2, 7))
        .isEqualTo(Splits.stratifiedSplit(labels, 0.6, 0.2, 7));
    assertThat(Splits.stratifiedSplit(labels, 0.6, 0.2, 7))
        .isNotEqualTo(Splits.stratifiedSplit(labels, 0.6, 0.2, 8));
  }

  @Test
  void splitRejectsFractionsOutsideTheOpenUnitIntervalOrSummingToOne() {
    int[] labels = imbalanced();
    assertThatThrownBy(() -> Splits.stratifiedSplit(labels, 0, 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trainFraction must be in (0, 1) but was 0.0");
    assertThatThrownBy(() -> Splits.stratifiedSplit(labels, 0.5, 1.5, 1))
        .hasMessageContaining("validationFraction must be in (0, 1) but was 1.5");
    assertThatThrownBy(() -> Splits.stratifiedSplit(labels, 0.8, 0.2, 1))
        .hasMessageContaining("0.8 + 0.2");
    assertThatThrownBy(() -> Splits.stratifiedSplit(labels, Double.NaN, 0.2, 1))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Splits.stratifiedSplit(new int[0], 0.5, 0.2, 1))
        .hasMessageContaining("labels must not be null or empty");
  }

  @Test
  void foldsCoverEveryIndexExactlyOnce() {
    int[] labels = imbalanced();
    List<int[]> folds = Splits.stratifiedFolds(labels, 5, 3);
    assertThat(folds).hasSize(5);
    int[] all = folds.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, labels.length).toArray());
    folds.forEach(f -> assertThat(f).isSorted());
  }

  @Test
  void foldsSpreadEachClassEvenly() {
    int[] labels = imbalanced();
    List<int[]> folds = Splits.stratifiedFolds(labels, 5, 3);
    for (int c = 0; c < 6; c++) {
      int[] perFold = new int[5];
      for (int f = 0; f < 5; f++) {
        perFold[f] = countPerClass(labels, folds.get(f), 6)[c];
      }
      int max = Arrays.stream(perFold).max().getAsInt();
      int min = Arrays.stream(perFold).min().getAsInt();
      assertThat(max - min)
          .as("class " + c + " per fold " + Arrays.toString(perFold))
          .isLessThanOrEqualTo(1);
    }
    // 73 examples over 5 folds: sizes 15, 15, 15, 14, 14 in some order.
    assertThat(folds.stream().mapToInt(f -> f.length).sorted().toArray())
        .containsExactly(14, 14, 15, 15, 15);
  }

  @Test
  void foldsAreDeterministicPerSeed() {
    int[] labels = imbalanced();
    List<int[]> a = Splits.stratifiedFolds(labels, 4, 11);
    List<int[]> b = Splits.stratifiedFolds(labels, 4, 11);
    List<int[]> c = Splits.stratifiedFolds(labels, 4, 12);
    for (int f = 0; f < 4; f++) {
      assertThat(a.get(f)).isEqualTo(b.get(f));
    }
    assertThat(IntStream.range(0, 4).anyMatch(f -> !Arrays.equals(a.get(f), c.get(f)))).isTrue();
  }

  @Test
  void foldsRejectKBelowTwoOrAboveTheNumberOfExamples() {
    assertThatThrownBy(() -> Splits.stratifiedFolds(new int[] {0, 1, 0}, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must be >= 2 but was 1");
    assertThatThrownBy(() -> Splits.stratifiedFolds(new int[] {0, 1, 0}, 4, 1))
        .hasMessageContaining("(3) but was 4");
  }

  private static int[] countPerClass(int[] labels, int[] indices, int classes) {
    int[] counts = new int[classes];
    for (int i : indices) {
      counts[labels[i]]++;
    }
    return counts;
  }

  @Test
  void groupedSplitsKeepEveryGroupInOnePart() {
    int n = 60;
    int[] labels = new int[n];
    String[] groups = new String[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      groups[i] = "voice" + (i % 12); // 12 voices, 5 files each, one label per voice
    }
    Splits.Split split = Splits.groupedSplit(labels, groups, 0.6, 0.2, 3);

    java.util.Map<String, java.util.Set<String>> partsOfGroup = new java.util.HashMap<>();
    String[] names = {"train", "validation", "test"};
    int[][] parts = {split.train(), split.validation(), split.test()};
    for (int p = 0; p < 3; p++) {
      for (int i : parts[p]) {
        partsOfGroup.computeIfAbsent(groups[i], g -> new java.util.HashSet<>()).add(names[p]);
      }
    }
    assertThat(partsOfGroup).hasSize(12).allSatisfy((g, in) -> assertThat(in).hasSize(1));
    assertThat(split.train().length + split.validation().length + split.test().length).isEqualTo(n);
    for (int[] part : parts) {
      assertThat(java.util.Arrays.stream(part).map(i -> labels[i]).distinct().count()).isEqualTo(2);
    }
  }
}
