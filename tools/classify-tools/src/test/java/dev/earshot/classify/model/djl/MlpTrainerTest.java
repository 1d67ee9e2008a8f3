package dev.earshot.classify.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.earshot.classify.TestAudio;
import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.classify.train.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MlpTrainerTest {

  private static final int[] BLOB_COUNTS = {200, 150, 100};
  private static final TrainingSet TRAIN = Synthetic.blobs(BLOB_COUNTS, 20, 4.0, 1);
  private static final TrainingSet VALIDATION = Synthetic.blobs(new int[] {60, 60, 60}, 20, 4.0, 2);
  private static final TrainingOptions OPTIONS =
      Synthetic.options(42, 40, 4, TRAIN.balancedClassWeights());

  private static final DjlTrainer TRAINER = new DjlTrainer(ModelType.MLP);
  private static final List<TrainingCurve.Epoch> EPOCHS = new ArrayList<>();
  private static DjlModel model;

  @BeforeAll
  static void trainOnBlobs() {
    model = TRAINER.train(TRAIN, VALIDATION, OPTIONS, EPOCHS::add);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void learnsSeparableBlobs() {
    double[][] probabilities = model.predict(VALIDATION.inputs());

    // Separable blobs: measured 0.994; libtorch's kernels differ by processor, a net that does not
    // learn stays near 1/3.
    assertThat(Synthetic.accuracy(probabilities, VALIDATION.labels()))
        .as(TestAudio.on("MLP accuracy"))
        .isGreaterThan(0.95);
    assertThat(model.type()).isEqualTo(ModelType.MLP);
    assertThat(model.labels()).isEqualTo(TRAIN.labelNames());
    for (double[] row : probabilities) {
      assertThat(row).hasSize(3);
      assertThat(row[0] + row[1] + row[2]).isCloseTo(1.0, offset(1e-9));
    }
  }

  @Test
  void reportsOneFiniteEpochPerEpoch() {
    assertThat(EPOCHS).isNotEmpty().hasSizeLessThanOrEqualTo(OPTIONS.maxEpochs());
    for (int i = 0; i < EPOCHS.size(); i++) {
      TrainingCurve.Epoch epoch = EPOCHS.get(i);
      assertThat(epoch.epoch()).isEqualTo(i + 1);
      assertThat(epoch.trainLoss()).isFinite().isPositive();
      assertThat(epoch.validationLoss()).isFinite().isPositive();
      assertThat(epoch.trainAccuracy()).isBetween(0.0, 1.0);
      assertThat(epoch.validationAccuracy()).isBetween(0.0, 1.0);
    }
    assertThat(new TrainingCurve(EPOCHS).epochs()).hasSameSizeAs(EPOCHS);
  }

  @Test
  void sameSeedGivesIdenticalProbabilitiesAndCurve() {
    List<TrainingCurve.Epoch> epochs = new ArrayList<>();
    try (DjlModel again = TRAINER.train(TRAIN, VALIDATION, OPTIONS, epochs::add)) {
      assertThat(again.predict(VALIDATION.inputs()))
          .isDeepEqualTo(model.predict(VALIDATION.inputs()));
      assertThat(epochs).isEqualTo(EPOCHS);
    }
  }

  @Test
  void otherSeedGivesOtherProbabilities() {
    TrainingOptions other =
        new TrainingOptions(
            43,
            OPTIONS.maxEpochs(),
            OPTIONS.patience(),
            OPTIONS.learningRate(),
            OPTIONS.batchSize(),
            OPTIONS.classWeights(),
            OPTIONS.threads());
    try (DjlModel different = TRAINER.train(TRAIN, VALIDATION, other, epoch -> {})) {
      assertThat(different.predict(VALIDATION.inputs())[0])
          .isNotEqualTo(model.predict(VALIDATION.inputs())[0]);
    }
  }

  @Test
  void stopsEarlyWhenValidationLossStallsAndKeepsTheBestEpoch() {
    TrainingSet train = Synthetic.noise(300, 10, 3);
    TrainingSet validation = Synthetic.noise(200, 10, 4);
    TrainingOptions options = Synthetic.options(7, 200, 3, Synthetic.unweighted(2));
    List<TrainingCurve.Epoch> epochs = new ArrayList<>();

    try (DjlModel stalled = TRAINER.train(train, validation, options, epochs::add)) {
      int best = 0;
      for (int i = 1; i < epochs.size(); i++) {
        if (epochs.get(i).validationLoss()
            < epochs.get(best).validationLoss() - DjlTraining.MIN_IMPROVEMENT) {
          best = i;
        }
      }
      assertThat(epochs).hasSizeLessThan(options.maxEpochs());
      assertThat(epochs.size() - 1 - best).isEqualTo(options.patience());
      double loss =
          Synthetic.weightedLoss(
              stalled.predict(validation.inputs()), validation.labels(), options.classWeights());
      assertThat(loss).isCloseTo(epochs.get(best).validationLoss(), offset(1e-6));
    }
  }

  @Test
  void balancedClassWeightsRaiseMinorityRecall() {
    TrainingSet train = Synthetic.blobs(new int[] {600, 30}, 2, 2.0, 5);
    TrainingSet validation = Synthetic.blobs(new int[] {300, 15}, 2, 2.0, 6);
    TrainingSet test = Synthetic.blobs(new int[] {500, 500}, 2, 2.0, 7);
    TrainingOptions plain = Synthetic.options(11, 60, 5, Synthetic.unweighted(2));
    TrainingOptions balanced = plain.withClassWeights(train.balancedClassWeights());

    double plainRecall;
    double balancedRecall;
    try (DjlModel unweighted = TRAINER.train(train, validation, plain, epoch -> {})) {
      plainRecall = Synthetic.recall(unweighted.predict(test.inputs()), test.labels(), 1);
    }
    try (DjlModel weighted = TRAINER.train(train, validation, balanced, epoch -> {})) {
      balancedRecall = Synthetic.recall(weighted.predict(test.inputs()), test.labels(), 1);
    }

    // Measured 0.94 against 0.69: class weights that were ignored would give the same recall.
    assertThat(balancedRecall)
        .as(TestAudio.on("minority recall with class weights, without: " + plainRecall))
        .isGreaterThan(plainRecall + 0.1)
        .isGreaterThan(0.8);
  }

  @Test
  void rejectsClassWeightsThatDoNotMatchTheLabels() {
    TrainingOptions wrong = OPTIONS.withClassWeights(new double[] {1, 1});

    assertThatThrownBy(() -> TRAINER.train(TRAIN, VALIDATION, wrong, epoch -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 class weights [1.0, 1.0] for 3 labels");
  }

  @Test
  void rejectsSpectrogramInput() {
    TrainingSet spectrograms = Synthetic.stripes(4, 8, 8, 0.1, 1);

    assertThatThrownBy(
            () ->
                TRAINER.train(
                    spectrograms,
                    spectrograms,
                    OPTIONS.withClassWeights(new double[] {1, 1}),
                    e -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mlp needs input shape [features] but got [1, 8, 8]");
  }
}
