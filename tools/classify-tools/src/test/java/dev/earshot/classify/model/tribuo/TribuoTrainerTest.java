package dev.earshot.classify.model.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.classify.TestAudio;
import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.ProbabilisticModel;
import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.classify.train.TrainingSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TribuoTrainerTest {

  private static final List<String> LABELS = List.of("a", "b", "c");

  /** Three Gaussian blobs in 12 dimensions, 4 from the origin on different axes. */
  static TrainingSet blobs(int perClass, long seed) {
    Random random = new Random(seed);
    int n = perClass * LABELS.size();
    float[][] x = new float[n][12];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % LABELS.size();
      for (int j = 0; j < 12; j++) {
        x[i][j] = (float) (random.nextGaussian() + (j == y[i] ? 4.0 : 0.0));
      }
    }
    return new TrainingSet(x, y, LABELS, new int[] {12});
  }

  static TrainingOptions options(TrainingSet train) {
    return new TrainingOptions(42, 50, 5, 0.5, 16, train.balancedClassWeights(), 1);
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelType.class,
      names = {"LOGISTIC", "SVM", "XGBOOST"})
  void learnsSeparableBlobsAndSurvivesSaveAndLoad(ModelType type, @TempDir Path folder)
      throws Exception {
    TrainingSet train = blobs(60, 1);
    TrainingSet validation = blobs(20, 2);
    TribuoTrainer trainer = new TribuoTrainer(type);
    List<TrainingCurve.Epoch> epochs = new ArrayList<>();

    try (ProbabilisticModel model = trainer.train(train, validation, options(train), epochs::add)) {
      double[] score = TribuoTrainer.score(model, validation);
      // 20 validation points, 3 classes: measured 0.95 to 1.0 (logistic and SVM in Java, the same
      // everywhere; XGBoost native). Chance is 1/3; the bound leaves XGBoost 2 points to differ by.
      assertThat(score[1])
          .as(TestAudio.on(type + " validation accuracy"))
          .isGreaterThanOrEqualTo(0.85);
      assertThat(epochs).isNotEmpty();
      assertThat(epochs).allSatisfy(e -> assertThat(e.validationAccuracy()).isBetween(0.0, 1.0));
      double[][] p = model.predict(validation.inputs());
      assertThat(p[0].length).isEqualTo(3);
      assertThat(p[0][0] + p[0][1] + p[0][2]).isCloseTo(1.0, within(1e-9));

      model.save(folder);
      try (ProbabilisticModel loaded = trainer.load(folder, LABELS, new int[] {12})) {
        double[][] again = loaded.predict(validation.inputs());
        for (int i = 0; i < p.length; i++) {
          assertThat(again[i]).containsExactly(p[i], within(1e-9));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelType.class,
      names = {"LOGISTIC", "XGBOOST"})
  void theSameSeedGivesTheSameModel(ModelType type) {
    TrainingSet train = blobs(30, 3);
    TrainingSet validation = blobs(10, 4);
    TribuoTrainer trainer = new TribuoTrainer(type);

    try (ProbabilisticModel first = trainer.train(train, validation, options(train), e -> {});
        ProbabilisticModel second = trainer.train(train, validation, options(train), e -> {})) {
      double[][] a = first.predict(validation.inputs());
      double[][] b = second.predict(validation.inputs());
      for (int i = 0; i < a.length; i++) {
        assertThat(b[i]).containsExactly(a[i], within(1e-12));
      }
    }
  }

  @org.junit.jupiter.api.Test
  void refusesSpectrogramsAndNeuralNetworkTypes() {
    assertThatThrownBy(() -> new TribuoTrainer(ModelType.CNN)).hasMessageContaining("CNN");
    TrainingSet spectrograms =
        new TrainingSet(new float[][] {new float[4]}, new int[] {0}, LABELS, new int[] {1, 2, 2});
    assertThatThrownBy(
            () ->
                new TribuoTrainer(ModelType.SVM)
                    .train(spectrograms, spectrograms, options(spectrograms), e -> {}))
        .hasMessageContaining("feature vectors");
  }
}
