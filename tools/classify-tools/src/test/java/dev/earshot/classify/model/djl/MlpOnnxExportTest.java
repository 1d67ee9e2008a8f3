package dev.earshot.classify.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.earshot.classify.TestAudio;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.train.TrainingSet;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlpOnnxExportTest {

  @Test
  void onnxRuntimeGivesTheProbabilitiesOfDjl(@TempDir Path folder)
      throws IOException, OrtException {
    TrainingSet train = Synthetic.blobs(new int[] {80, 80, 80}, 12, 3.0, 1);
    TrainingSet validation = Synthetic.blobs(new int[] {30, 30, 30}, 12, 3.0, 2);
    try (DjlModel model =
        new DjlTrainer(ModelType.MLP)
            .train(
                train, validation, Synthetic.options(5, 8, 3, Synthetic.unweighted(3)), e -> {})) {
      Path file = MlpOnnxExport.write(model, folder.resolve("mlp.onnx"));
      double[][] djl = model.predict(validation.inputs());

      float[][] ort = runOnnx(file, validation.inputs(), model.labels());

      // Both run the network in float32, summing in their own orders: measured at most 1.1e-7
      // apart; a layer exported wrongly (weights transposed, bias or activation lost) moves
      // probabilities by tenths.
      for (int i = 0; i < djl.length; i++) {
        for (int c = 0; c < djl[i].length; c++) {
          assertThat((double) ort[i][c])
              .as(TestAudio.on("row " + i + ", class " + c))
              .isCloseTo(djl[i][c], Offset.offset(1e-5));
        }
      }
    }
  }

  @Test
  void refusesACnn() {
    DjlRuntime.start(1);
    try (DjlModel cnn =
        DjlModel.untrained(Architecture.CNN, List.of("a", "b"), new int[] {1, 8, 8})) {
      assertThatThrownBy(() -> MlpOnnxExport.export(cnn))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("only an mlp can be exported, not a cnn");
    }
  }

  private static float[][] runOnnx(Path file, float[][] rows, List<String> labels)
      throws OrtException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    float[] flat = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
    }
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = environment.createSession(file.toString(), options);
          OnnxTensor input =
              OnnxTensor.createTensor(
                  environment, FloatBuffer.wrap(flat), new long[] {rows.length, rows[0].length});
          OrtSession.Result result = session.run(Map.of(MlpOnnxExport.INPUT, input))) {
        assertThat(session.getMetadata().getCustomMetadata())
            .containsEntry(MlpOnnxExport.LABELS_KEY, "[\"class0\",\"class1\",\"class2\"]");
        assertThat(labels).containsExactly("class0", "class1", "class2");
        return (float[][]) result.get(MlpOnnxExport.OUTPUT).orElseThrow().getValue();
      }
    }
  }
}
