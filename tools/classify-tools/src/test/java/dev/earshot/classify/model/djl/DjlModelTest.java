package dev.earshot.classify.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.train.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlModelTest {

  private static final TrainingSet TRAIN = Synthetic.blobs(new int[] {100, 100}, 8, 3.0, 1);
  private static final TrainingSet VALIDATION = Synthetic.blobs(new int[] {40, 40}, 8, 3.0, 2);
  private static final DjlTrainer TRAINER = new DjlTrainer(ModelType.MLP);
  private static DjlModel model;

  @BeforeAll
  static void train() {
    model =
        TRAINER.train(
            TRAIN, VALIDATION, Synthetic.options(3, 5, 2, Synthetic.unweighted(2)), epoch -> {});
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void saveThenLoadGivesIdenticalProbabilities(@TempDir Path folder) throws IOException {
    Path saved = model.save(folder);

    assertThat(saved).isEqualTo(folder.resolve(DjlModel.PARAMETERS_FILE)).isRegularFile();
    assertThat(folder.resolve(DjlModel.MANIFEST_FILE)).isRegularFile();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).hasSize(2);
    }
    try (DjlModel loaded = TRAINER.load(folder, TRAIN.labelNames(), TRAIN.inputShape())) {
      assertThat(loaded.predict(VALIDATION.inputs()))
          .isDeepEqualTo(model.predict(VALIDATION.inputs()));
    }
  }

  @Test
  void loadRejectsOtherLabels(@TempDir Path folder) throws IOException {
    model.save(folder);

    assertThatThrownBy(() -> TRAINER.load(folder, List.of("class1", "class0"), new int[] {8}))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith(
            "model.json was saved for mlp (format 1) with labels [class0, class1] and input shape"
                + " [8], not for the requested mlp (format 1) with labels [class1, class0] and input"
                + " shape [8]");
  }

  @Test
  void loadRejectsAFolderWithoutAModel(@TempDir Path folder) {
    assertThatThrownBy(() -> TRAINER.load(folder, TRAIN.labelNames(), new int[] {8}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no mlp model in " + folder);
  }

  @Test
  void cnnTrainerRefusesAnMlpFolder(@TempDir Path folder) throws IOException {
    model.save(folder);

    assertThatThrownBy(
            () ->
                new DjlTrainer(ModelType.CNN).load(folder, TRAIN.labelNames(), new int[] {1, 4, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "cnn needs input shape [1, bands >= 4, frames >= 4] but got [1, 4, 2]");
    assertThatThrownBy(
            () ->
                new DjlTrainer(ModelType.CNN)
                    .load(folder, TRAIN.labelNames(), new int[] {1, 4, 2 * 2}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("was saved for mlp (format 1)");
  }

  @Test
  void predictsAnEmptyBatch() {
    assertThat(model.predict(new float[0][])).isEmpty();
  }

  @Test
  void rejectsARowOfTheWrongLength() {
    assertThatThrownBy(() -> model.predict(new float[][] {new float[8], new float[7]}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 1 has 7 values but input shape [8] needs 8");
  }

  @Test
  void concurrentPredictionsEqualSequentialOnes() throws Exception {
    double[][] expected = model.predict(VALIDATION.inputs());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[][]>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> model.predict(VALIDATION.inputs())));
      }
      for (Future<double[][]> result : results) {
        assertThat(result.get()).isDeepEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void closedModelRefusesToPredict(@TempDir Path folder) throws IOException {
    model.save(folder);
    DjlModel loaded = TRAINER.load(folder, TRAIN.labelNames(), TRAIN.inputShape());

    loaded.close();
    loaded.close();

    assertThatThrownBy(() -> loaded.predict(VALIDATION.inputs()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mlp model is closed");
  }
}
