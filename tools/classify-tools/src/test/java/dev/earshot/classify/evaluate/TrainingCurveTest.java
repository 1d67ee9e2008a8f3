package dev.earshot.classify.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCurveTest {

  @Test
  void acceptsNanForMissingValues() {
    TrainingCurve curve =
        new TrainingCurve(
            List.of(
                new TrainingCurve.Epoch(1, 1.2, 0.4, Double.NaN, Double.NaN),
                new TrainingCurve.Epoch(2, 0.9, 0.6, 1.0, 0.55)));
    assertThat(curve.epochs()).hasSize(2);
    assertThat(curve.epochs().get(0).validationLoss()).isNaN();
  }

  @Test
  void rejectsEpochNumbersThatDoNotIncrease() {
    assertThatThrownBy(
            () ->
                new TrainingCurve(
                    List.of(
                        new TrainingCurve.Epoch(2, 1, 0.5, 1, 0.5),
                        new TrainingCurve.Epoch(2, 1, 0.5, 1, 0.5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 follows 2");
  }

  @Test
  void rejectsAccuracyOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new TrainingCurve.Epoch(3, 1, 1.5, 1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trainAccuracy of epoch 3 must be in [0, 1] or NaN but was 1.5");
  }

  @Test
  void rejectsEmptyCurves() {
    assertThatThrownBy(() -> new TrainingCurve(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
