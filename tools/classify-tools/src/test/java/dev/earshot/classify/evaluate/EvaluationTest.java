package dev.earshot.classify.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  private static final Offset<Double> EXACT = within(1e-12);

  /**
   * Three classes, eight examples. Predicted (argmax) per row: 0,0,1,1,1,2,2,1.
   *
   * <pre>
   * i  truth  cat  dog  bird  predicted
   * 0  cat    0.7  0.2  0.1   cat
   * 1  cat    0.5  0.3  0.2   cat
   * 2  cat    0.3  0.6  0.1   dog
   * 3  dog    0.1  0.8  0.1   dog
   * 4  dog    0.3  0.4  0.3   dog
   * 5  dog    0.1  0.3  0.6   bird
   * 6  bird   0.2  0.2  0.6   bird
   * 7  bird   0.2  0.5  0.3   dog
   * </pre>
   */
  static final List<String> ANIMALS = List.of("cat", "dog", "bird");

  static final int[] TRUTH = {0, 0, 0, 1, 1, 1, 2, 2};
  static final double[][] SCORES = {
    {0.7, 0.2, 0.1},
    {0.5, 0.3, 0.2},
    {0.3, 0.6, 0.1},
    {0.1, 0.8, 0.1},
    {0.3, 0.4, 0.3},
    {0.1, 0.3, 0.6},
    {0.2, 0.2, 0.6},
    {0.2, 0.5, 0.3},
  };

  static Evaluation animals() {
    return Evaluation.of(ANIMALS, TRUTH, SCORES);
  }

  @Test
  void confusionMatrixCountsTrueRowsAgainstPredictedColumns() {
    // cat: rows 0,1 -> cat, row 2 -> dog; dog: rows 3,4 -> dog, row 5 -> bird;
    // bird: row 6 -> bird, row 7 -> dog.
    assertThat(animals().confusionMatrix())
        .isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 2, 1}, {0, 1, 1}});
  }

  @Test
  void accuracyIsTheShareOnTheDiagonal() {
    // (2 + 2 + 1) / 8
    assertThat(animals().accuracy()).isCloseTo(5.0 / 8, EXACT);
    assertThat(animals().n()).isEqualTo(8);
  }

  @Test
  void perClassPrecisionRecallAndF1MatchHandComputation() {
    // Column sums (predicted counts): cat 2, dog 4, bird 2. Row sums (support): 3, 3, 2.
    // cat:  P = 2/2 = 1,   R = 2/3, F1 = 2*1*(2/3) / (1 + 2/3) = 4/5
    // dog:  P = 2/4 = 1/2, R = 2/3, F1 = 2*(1/2)*(2/3) / (1/2 + 2/3) = (2/3) / (7/6) = 4/7
    // bird: P = 1/2,       R = 1/2, F1 = 1/2
    List<ClassMetrics> m = animals().perClass();
    assertMetrics(m.get(0), "cat", 1.0, 2.0 / 3, 4.0 / 5, 3);
    assertMetrics(m.get(1), "dog", 0.5, 2.0 / 3, 4.0 / 7, 3);
    assertMetrics(m.get(2), "bird", 0.5, 0.5, 0.5, 2);
  }

  @Test
  void macroAveragesAreUnweightedMeansOverClasses() {
    // P: (1 + 1/2 + 1/2) / 3 = 2/3; R: (2/3 + 2/3 + 1/2) / 3 = 11/18;
    // F1: (4/5 + 4/7 + 1/2) / 3 = (56 + 40 + 35) / 70 / 3 = 131/210 (mean of F1s, as sklearn)
    Averages macro = animals().macro();
    assertThat(macro.precision()).isCloseTo(2.0 / 3, EXACT);
    assertThat(macro.recall()).isCloseTo(11.0 / 18, EXACT);
    assertThat(macro.f1()).isCloseTo(131.0 / 210, EXACT);
  }

  @Test
  void weightedAveragesWeighClassesBySupport() {
    // P: (3*1 + 3*(1/2) + 2*(1/2)) / 8 = 5.5/8 = 11/16
    // R: (3*(2/3) + 3*(2/3) + 2*(1/2)) / 8 = 5/8 (always equals accuracy)
    // F1: (3*(4/5) + 3*(4/7) + 2*(1/2)) / 8 = (12/5 + 12/7 + 1) / 8 = (179/35) / 8 = 179/280
    Averages weighted = animals().weighted();
    assertThat(weighted.precision()).isCloseTo(11.0 / 16, EXACT);
    assertThat(weighted.recall()).isCloseTo(5.0 / 8, EXACT);
    assertThat(weighted.f1()).isCloseTo(179.0 / 280, EXACT);
  }

  @Test
  void microAveragesEqualAccuracyForSingleLabelData() {
    // Pooled TP = 5, pooled predictions = pooled support = 8.
    assertThat(animals().micro()).isEqualTo(new Averages(5.0 / 8, 5.0 / 8, 5.0 / 8));
  }

  @Test
  void rocAucCountsTiedPairsAsHalf() {
    // cat: positives {0.7, 0.5, 0.3}, negatives {0.1, 0.3, 0.1, 0.2, 0.2}; 15 pairs.
    //   0.7 beats 5, 0.5 beats 5, 0.3 beats 4 and ties row 4's 0.3 -> 4.5. U = 14.5 -> 29/30.
    // dog: positives {0.8, 0.4, 0.3}, negatives {0.2, 0.3, 0.6, 0.2, 0.5}.
    //   0.8 beats 5; 0.4 beats 0.2, 0.3, 0.2 -> 3; 0.3 beats 0.2, 0.2 and ties 0.3 -> 2.5.
    //   U = 10.5 -> 10.5/15 = 7/10.
    // bird: positives {0.6, 0.3}, negatives {0.1, 0.2, 0.1, 0.1, 0.3, 0.6}; 12 pairs.
    //   0.6 beats 5, ties 0.6 -> 5.5; 0.3 beats 4, ties 0.3 -> 4.5. U = 10 -> 5/6.
    // macro = (29/30 + 21/30 + 25/30) / 3 = 5/6.
    Evaluation e = animals();
    assertThat(e.rocAuc()[0]).isCloseTo(29.0 / 30, EXACT);
    assertThat(e.rocAuc()[1]).isCloseTo(7.0 / 10, EXACT);
    assertThat(e.rocAuc()[2]).isCloseTo(5.0 / 6, EXACT);
    assertThat(e.macroRocAuc()).isCloseTo(5.0 / 6, EXACT);
  }

  @Test
  void rocCurveHasOnePointPerDistinctScoreStartingAtOrigin() {
    // cat scores descending: 0.7 (P), 0.5 (P), 0.3 (P and N tied), 0.2 (N, N), 0.1 (N, N);
    // P = 3, N = 5.
    RocCurve cat = animals().rocCurves().get(0);
    assertThat(cat.label()).isEqualTo("cat");
    assertThat(cat.fpr()).containsExactly(new double[] {0, 0, 0, 0.2, 0.6, 1}, within(1e-12));
    assertThat(cat.tpr())
        .containsExactly(new double[] {0, 1.0 / 3, 2.0 / 3, 1, 1, 1}, within(1e-12));
    assertThat(cat.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.7, 0.5, 0.3, 0.2, 0.1);
  }

  @Test
  void trapezoidAreaUnderRocCurveEqualsMannWhitneyAuc() {
    for (RocCurve curve : animals().rocCurves()) {
      double[] x = curve.fpr();
      double[] y = curve.tpr();
      double area = 0;
      for (int i = 1; i < x.length; i++) {
        area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
      }
      assertThat(area).as(curve.label()).isCloseTo(curve.auc(), within(1e-12));
    }
  }

  @Test
  void topThreeAccuracyIsOneWhenThereAreOnlyThreeLabels() {
    assertThat(animals().topK()).isEqualTo(3);
    assertThat(animals().top3Accuracy()).isEqualTo(1.0);
  }

  @Test
  void topThreeAccuracyCountsTrueClassAmongThreeBestWithLowestIndexWinningTies() {
    // Four labels, k = 3.
    // row 0: truth z, z has the lowest score -> rank 4, miss.
    // row 1: truth y, third best -> hit.
    // row 2: truth x, third best (0.4 z, 0.3 y, 0.2 x) -> hit.
    // row 3: truth w, all tied -> w has the lowest index so rank 1, hit and correct.
    // row 4: truth z, all tied -> w, x, y go first, z is rank 4, miss.
    // top-3 = 3/5; only row 3 is predicted right -> accuracy 1/5.
    Evaluation e =
        Evaluation.of(
            List.of("w", "x", "y", "z"),
            new int[] {3, 2, 1, 0, 3},
            new double[][] {
              {0.4, 0.3, 0.2, 0.1},
              {0.4, 0.3, 0.2, 0.1},
              {0.1, 0.2, 0.3, 0.4},
              {0.25, 0.25, 0.25, 0.25},
              {0.25, 0.25, 0.25, 0.25},
            });
    assertThat(e.top3Accuracy()).isCloseTo(3.0 / 5, EXACT);
    assertThat(e.accuracy()).isCloseTo(1.0 / 5, EXACT);
  }

  @Test
  void argmaxTieGoesToTheLowestIndex() {
    Evaluation e = Evaluation.of(List.of("a", "b"), new int[] {1}, new double[][] {{0.5, 0.5}});
    assertThat(e.confusionMatrix()).isDeepEqualTo(new int[][] {{0, 0}, {1, 0}});
  }

  @Test
  void rowsNeedNotSumToOne() {
    Evaluation e =
        Evaluation.of(List.of("a", "b"), new int[] {0, 1}, new double[][] {{3, -1}, {2, 7}});
    assertThat(e.accuracy()).isEqualTo(1.0);
    assertThat(e.rocAuc()).containsExactly(1.0, 1.0);
  }

  /**
   * Labels a, b, c, d; truth 0,0,1,1,2; predicted 0,1,1,1,1 (one-hot scores). d never occurs, c
   * occurs once and is never predicted.
   */
  static Evaluation sparse() {
    return Evaluation.ofPredictions(
        List.of("a", "b", "c", "d"), new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 1});
  }

  @Test
  void classesNeverPredictedOrAbsentGetZeroPrecisionRecallAndF1() {
    // a: TP 1 of 1 predicted, 2 true -> P 1, R 1/2, F1 2/3
    // b: TP 2 of 4 predicted, 2 true -> P 1/2, R 1, F1 2/3
    // c: never predicted -> P 0 (zero_division=0), R 0/1 = 0, F1 0 (P + R = 0)
    // d: never predicted, never true -> P 0, R 0, F1 0, support 0
    List<ClassMetrics> m = sparse().perClass();
    assertMetrics(m.get(0), "a", 1.0, 0.5, 2.0 / 3, 2);
    assertMetrics(m.get(1), "b", 0.5, 1.0, 2.0 / 3, 2);
    assertMetrics(m.get(2), "c", 0.0, 0.0, 0.0, 1);
    assertMetrics(m.get(3), "d", 0.0, 0.0, 0.0, 0);
    // Macro includes the empty classes: P (1 + 1/2) / 4, R (1/2 + 1) / 4, F1 (4/3) / 4.
    assertThat(sparse().macro().precision()).isCloseTo(0.375, EXACT);
    assertThat(sparse().macro().recall()).isCloseTo(0.375, EXACT);
    assertThat(sparse().macro().f1()).isCloseTo(1.0 / 3, EXACT);
    assertThat(sparse().accuracy()).isCloseTo(3.0 / 5, EXACT);
  }

  @Test
  void rocAucIsNanForAClassAbsentFromTruthAndMacroSkipsIt() {
    // One-hot a column: positives {1, 0}, negatives {0, 0, 0}: 1 beats 3, 0 ties 3 -> 4.5/6.
    // b column: positives {1, 1}, negatives {0, 1, 1}: each positive 1 + 1/2 + 1/2 -> 4/6.
    // c column all 0: one positive ties 4 negatives -> 2/4. d has no positives -> NaN.
    // macro = (3/4 + 2/3 + 1/2) / 3 = 23/36.
    Evaluation e = sparse();
    assertThat(e.rocAuc()[0]).isCloseTo(0.75, EXACT);
    assertThat(e.rocAuc()[1]).isCloseTo(2.0 / 3, EXACT);
    assertThat(e.rocAuc()[2]).isCloseTo(0.5, EXACT);
    assertThat(e.rocAuc()[3]).isNaN();
    assertThat(e.macroRocAuc()).isCloseTo(23.0 / 36, EXACT);
    assertThat(e.rocCurves().get(3).size()).isZero();
  }

  @Test
  void rocAucIsNanWhenEveryExampleBelongsToTheClass() {
    Evaluation e =
        Evaluation.of(List.of("a", "b"), new int[] {0, 0}, new double[][] {{0.9, 0.1}, {0.4, 0.6}});
    assertThat(e.rocAuc()[0]).isNaN();
    assertThat(e.rocAuc()[1]).isNaN();
    assertThat(e.macroRocAuc()).isNaN();
  }

  @Test
  void minorityAndMajorityRecallUseSmallestAndLargestSupportWithFirstWinningTies() {
    // animals: supports cat 3, dog 3, bird 2 -> minority bird (R 1/2), majority cat (first of
    // the tied 3s, R 2/3).
    assertThat(animals().minorityClass().label()).isEqualTo("bird");
    assertThat(animals().minorityRecall()).isCloseTo(0.5, EXACT);
    assertThat(animals().majorityClass().label()).isEqualTo("cat");
    assertThat(animals().majorityRecall()).isCloseTo(2.0 / 3, EXACT);
  }

  @Test
  void minorityRecallSkipsClassesAbsentFromTruth() {
    // sparse: supports a 2, b 2, c 1, d 0 -> minority c (R 0), not d; majority a (R 1/2).
    assertThat(sparse().minorityClass().label()).isEqualTo("c");
    assertThat(sparse().minorityRecall()).isZero();
    assertThat(sparse().majorityRecall()).isCloseTo(0.5, EXACT);
  }

  @Test
  void ofPredictionsMatchesOfWithOneHotRows() {
    int[] predicted = {0, 0, 1, 1, 1, 2, 2, 1};
    double[][] oneHot = new double[8][3];
    for (int i = 0; i < 8; i++) {
      oneHot[i][predicted[i]] = 1;
    }
    assertThat(Evaluation.ofPredictions(ANIMALS, TRUTH, predicted))
        .isEqualTo(Evaluation.of(ANIMALS, TRUTH, oneHot));
  }

  @Test
  void returnedArraysAreCopies() {
    Evaluation e = animals();
    e.confusionMatrix()[0][0] = 99;
    e.rocCurves().get(0).fpr()[0] = 99;
    assertThat(e.confusionMatrix()[0][0]).isEqualTo(2);
    assertThat(e.rocCurves().get(0).fpr()[0]).isZero();
  }

  @Test
  void rejectsTruthOutsideTheLabelRange() {
    assertThatThrownBy(
            () ->
                Evaluation.of(List.of("a", "b"), new int[] {0, 2}, new double[][] {{1, 0}, {0, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truth[1] = 2");
  }

  @Test
  void rejectsRowsWithTheWrongNumberOfScores() {
    assertThatThrownBy(
            () -> Evaluation.of(List.of("a", "b"), new int[] {0, 1}, new double[][] {{1, 0}, {1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("probabilities[1]")
        .hasMessageContaining("had 1");
  }

  @Test
  void rejectsNonFiniteScores() {
    assertThatThrownBy(
            () -> Evaluation.of(List.of("a", "b"), new int[] {0}, new double[][] {{Double.NaN, 0}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("probabilities[0][0] must be finite but was NaN");
  }

  @Test
  void rejectsMismatchedLengthsDuplicateLabelsAndEmptyInput() {
    assertThatThrownBy(() -> Evaluation.of(List.of("a", "b"), new int[] {0}, new double[0][]))
        .hasMessageContaining("truth has 1 examples but probabilities has 0 rows");
    assertThatThrownBy(
            () -> Evaluation.of(List.of("a", "a"), new int[] {0}, new double[][] {{1, 0}}))
        .hasMessageContaining("'a' repeats");
    assertThatThrownBy(() -> Evaluation.of(List.of("a"), new int[0], new double[0][]))
        .hasMessageContaining("truth must not be empty");
    assertThatThrownBy(
            () -> Evaluation.ofPredictions(List.of("a", "b"), new int[] {0}, new int[] {-1}))
        .hasMessageContaining("predicted[0] = -1");
  }

  private static void assertMetrics(
      ClassMetrics m, String label, double precision, double recall, double f1, int support) {
    assertThat(m.label()).isEqualTo(label);
    assertThat(m.precision()).as(label + " precision").isCloseTo(precision, EXACT);
    assertThat(m.recall()).as(label + " recall").isCloseTo(recall, EXACT);
    assertThat(m.f1()).as(label + " f1").isCloseTo(f1, EXACT);
    assertThat(m.support()).as(label + " support").isEqualTo(support);
  }
}
