package dev.earshot.classify.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

  private static final List<String> AB = List.of("a", "b");
  private static final Evaluation PERFECT =
      Evaluation.ofPredictions(AB, new int[] {0, 1}, new int[] {0, 1});
  private static final Evaluation HALF =
      Evaluation.ofPredictions(AB, new int[] {0, 1}, new int[] {0, 0});

  @Test
  void evaluatorSeesDisjointTrainAndTestThatTogetherCoverEveryIndex() {
    int[] labels = {0, 1, 0, 1, 0, 1, 0, 1, 2, 2};
    List<int[]> tests = new ArrayList<>();
    CrossValidation.run(
        labels,
        3,
        5,
        (train, test) -> {
          int[] union =
              IntStream.concat(Arrays.stream(train), Arrays.stream(test)).sorted().toArray();
          assertThat(union).isEqualTo(IntStream.range(0, labels.length).toArray());
          assertThat(train).isSorted();
          tests.add(test);
          return PERFECT;
        });
    assertThat(tests).hasSize(3);
    assertThat(tests.stream().flatMapToInt(Arrays::stream).sorted().toArray())
        .isEqualTo(IntStream.range(0, labels.length).toArray());
  }

  @Test
  void resultHoldsFoldsWithMeanAndPopulationStandardDeviation() {
    // PERFECT: accuracy 1, macro F1 1.
    // HALF (truth 0,1 predicted 0,0): accuracy 1/2; a: P 1/2, R 1, F1 2/3; b: P 0, R 0, F1 0
    //   -> macro F1 1/3.
    // Folds in order: PERFECT, HALF, HALF, PERFECT.
    // accuracy mean 3/4; deviations +-1/4 -> std sqrt(4 * 1/16 / 4) = 1/4.
    // macro F1 mean 2/3; deviations +-1/3 -> std 1/3.
    List<Evaluation> order = List.of(PERFECT, HALF, HALF, PERFECT);
    int[] call = {0};
    CrossValidationResult result =
        CrossValidation.run(
            new int[] {0, 1, 0, 1, 0, 1, 0, 1}, 4, 1, (tr, te) -> order.get(call[0]++));
    assertThat(result.folds()).containsExactlyElementsOf(order);
    assertThat(result.k()).isEqualTo(4);
    assertThat(result.accuracy().mean()).isCloseTo(0.75, within(1e-12));
    assertThat(result.accuracy().std()).isCloseTo(0.25, within(1e-12));
    assertThat(result.macroF1().mean()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(result.macroF1().std()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void rejectsNullEvaluatorAndNullFoldResults() {
    assertThatThrownBy(() -> CrossValidation.run(new int[] {0, 1}, 2, 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evaluator");
    assertThatThrownBy(() -> CrossValidation.run(new int[] {0, 1}, 2, 1, (tr, te) -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fold 0");
  }
}
