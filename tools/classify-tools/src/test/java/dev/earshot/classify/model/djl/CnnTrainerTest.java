package dev.earshot.classify.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.classify.TestAudio;
import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.classify.train.TrainingSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CnnTrainerTest {

  private static final TrainingSet TRAIN = Synthetic.stripes(160, 16, 24, 0.5, 1);
  private static final TrainingSet VALIDATION = Synthetic.stripes(64, 16, 24, 0.5, 2);
  private static final TrainingSet TEST = Synthetic.stripes(64, 16, 24, 0.5, 3);
  private static final TrainingOptions OPTIONS =
      new TrainingOptions(42, 25, 4, 3e-3, 16, Synthetic.unweighted(2), 1);

  private static final DjlTrainer TRAINER = new DjlTrainer(ModelType.CNN);
  private static final List<TrainingCurve.Epoch> EPOCHS = new ArrayList<>();
  private static DjlModel model;

  @BeforeAll
  static void trainOnStripes() {
    model = TRAINER.train(TRAIN, VALIDATION, OPTIONS, EPOCHS::add);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void learnsHorizontalVersusVerticalStripes() {
    // Measured 1.0; stripes are easy for any processor's kernels, a CNN that does not learn scores
    // 0.5.
    assertThat(Synthetic.accuracy(model.predict(TEST.inputs()), TEST.labels()))
        .as(TestAudio.on("CNN accuracy"))
        .isGreaterThan(0.95);
    assertThat(model.type()).isEqualTo(ModelType.CNN);
    assertThat(model.inputShape()).containsExactly(1, 16, 24);
  }

  @Test
  void reportsOneFiniteEpochPerEpoch() {
    assertThat(EPOCHS).isNotEmpty().hasSizeLessThanOrEqualTo(OPTIONS.maxEpochs());
    for (int i = 0; i < EPOCHS.size(); i++) {
      assertThat(EPOCHS.get(i).epoch()).isEqualTo(i + 1);
      assertThat(EPOCHS.get(i).trainLoss()).isFinite();
      assertThat(EPOCHS.get(i).validationLoss()).isFinite();
    }
  }

  @Test
  void saveThenLoadGivesIdenticalProbabilities(@TempDir Path folder) throws IOException {
    model.save(folder);

    try (DjlModel loaded = TRAINER.load(folder, TRAIN.labelNames(), TRAIN.inputShape())) {
      assertThat(loaded.predict(TEST.inputs())).isDeepEqualTo(model.predict(TEST.inputs()));
    }
  }

  @Test
  void rejectsFeatureVectors() {
    TrainingSet vectors = Synthetic.blobs(new int[] {2, 2}, 4, 1.0, 1);

    assertThatThrownBy(() -> TRAINER.train(vectors, vectors, OPTIONS, epoch -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cnn needs input shape [1, bands >= 4, frames >= 4] but got [4]");
  }
}
