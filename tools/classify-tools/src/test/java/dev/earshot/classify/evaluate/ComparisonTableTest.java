package dev.earshot.classify.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTableTest {

  @TempDir Path dir;

  private static ComparisonTable table() {
    return ComparisonTable.empty()
        .with("logreg", EvaluationTest.animals())
        .with("a-longer-model-name", EvaluationTest.sparse());
  }

  @Test
  void textHasOneAlignedRowPerModelWithTheComparedMetrics() {
    // logreg = animals: accuracy 5/8, macro F1 131/210, weighted F1 179/280, minority (bird)
    // recall 1/2, majority (cat) recall 2/3, top-3 1, macro AUC 5/6.
    // sparse: accuracy 3/5, macro F1 1/3, weighted F1 (2*2/3 + 2*2/3 + 0 + 0) / 5 = 8/15,
    // minority (c) recall 0, majority (a) recall 1/2, top-3 1, macro AUC 23/36.
    assertThat(table().text())
        .isEqualTo(
            "model                accuracy  macro-f1  weighted-f1  minority-recall  majority-recall"
                + "  top3-accuracy  macro-roc-auc\n"
                + "logreg                 0.6250    0.6238       0.6393           0.5000"
                + "           0.6667         1.0000         0.8333\n"
                + "a-longer-model-name    0.6000    0.3333       0.5333           0.0000"
                + "           0.5000         1.0000         0.6389\n");
  }

  @Test
  void jsonListsModelsInOrder() throws IOException {
    Path file = dir.resolve("comparison.json");
    table().writeJson(file);
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root.at("/models/0/model").asText()).isEqualTo("logreg");
    assertThat(root.at("/models/0/macroF1").asDouble()).isCloseTo(131.0 / 210, within(1e-12));
    assertThat(root.at("/models/1/weightedF1").asDouble()).isCloseTo(8.0 / 15, within(1e-12));
    assertThat(root.at("/models/1/macroRocAuc").asDouble()).isCloseTo(23.0 / 36, within(1e-12));
    assertThat(root.at("/models/1/minorityRecall").asDouble()).isZero();
  }

  @Test
  void rejectsDuplicateModelNames() {
    assertThatThrownBy(() -> table().with("logreg", EvaluationTest.animals()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'logreg' repeats");
  }

  @Test
  void averageProbabilitiesIsTheElementwiseMean() {
    // ((0.2 + 0.6) / 2, (0.8 + 0.4) / 2) = (0.4, 0.6); ((1 + 0) / 2, (0 + 1) / 2) = (0.5, 0.5)
    double[][] mean =
        ComparisonTable.averageProbabilities(
            List.of(new double[][] {{0.2, 0.8}, {1, 0}}, new double[][] {{0.6, 0.4}, {0, 1}}));
    assertThat(mean[0]).containsExactly(new double[] {0.4, 0.6}, within(1e-12));
    assertThat(mean[1]).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
  }

  @Test
  void averageProbabilitiesRejectsShapeMismatch() {
    assertThatThrownBy(
            () ->
                ComparisonTable.averageProbabilities(
                    List.of(new double[][] {{0.2, 0.8}}, new double[][] {{0.6, 0.3, 0.1}})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perModel[1][0] must have 2 entries but had 3");
  }

  @Test
  void majorityVoteTakesTheMostVotedClassAndLowestIndexOnTies() {
    // example 0: votes 2,2,1 -> class 2; example 1: 0,1,2 -> one each, lowest index 0;
    // example 2: 1,1,0 -> class 1.
    int[] vote =
        ComparisonTable.majorityVote(
            List.of(new int[] {2, 0, 1}, new int[] {2, 1, 1}, new int[] {1, 2, 0}), 3);
    assertThat(vote).containsExactly(2, 0, 1);
  }

  @Test
  void majorityVoteBreaksTiesBySummedProbability() {
    // Two models disagree (votes 1 and 0 -> tie). Summed probability: class 0 0.6 + 0.3 = 0.9,
    // class 1 0.4 + 0.7 = 1.1 -> class 1, though the index rule alone would pick 0.
    int[] vote =
        ComparisonTable.majorityVote(
            List.of(new int[] {0}, new int[] {1}),
            2,
            List.of(new double[][] {{0.6, 0.4}}, new double[][] {{0.3, 0.7}}));
    assertThat(vote).containsExactly(1);
    assertThat(ComparisonTable.majorityVote(List.of(new int[] {0}, new int[] {1}), 2))
        .containsExactly(0);
  }

  @Test
  void majorityVoteRejectsPredictionsOutsideTheLabelRange() {
    assertThatThrownBy(() -> ComparisonTable.majorityVote(List.of(new int[] {0, 3}), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predictions[0][1] = 3");
  }
}
