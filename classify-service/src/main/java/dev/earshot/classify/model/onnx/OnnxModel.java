package dev.earshot.classify.model.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.ProbabilisticModel;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A classifier exported to ONNX, served by ONNX Runtime: input {@code features} float [N,
 * features], output {@code probabilities} float [N, labels]. The session is created once; it needs
 * neither the training library nor its native engine.
 */
public final class OnnxModel implements ProbabilisticModel {

  public static final String FILE = "model.onnx";
  public static final String INPUT = "features";
  public static final String OUTPUT = "probabilities";

  private final ModelType type;
  private final List<String> labels;
  private final Path source;
  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  private OnnxModel(ModelType type, List<String> labels, Path source, OrtSession session) {
    this.type = type;
    this.labels = List.copyOf(labels);
    this.source = source;
    this.session = session;
  }

  /** Opens {@code folder/model.onnx} with one intra-op thread: a chunk is a single small row. */
  public static OnnxModel load(Path folder, ModelType type, List<String> labels)
      throws IOException {
    Path file = folder.resolve(FILE);
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString(), options);
      if (!session.getInputNames().contains(INPUT) || !session.getOutputNames().contains(OUTPUT)) {
        String names = session.getInputNames() + " -> " + session.getOutputNames();
        session.close();
        throw new IOException(
            file + " is not a classifier: it maps " + names + ", not features -> probabilities");
      }
      return new OnnxModel(type, labels, file, session);
    } catch (OrtException e) {
      throw new IOException("ONNX Runtime cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ModelType type() {
    return type;
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  @Override
  public double[][] predict(float[][] inputs) {
    if (inputs.length == 0) {
      return new double[0][];
    }
    int width = inputs[0].length;
    FloatBuffer buffer = FloatBuffer.allocate(inputs.length * width);
    for (float[] row : inputs) {
      buffer.put(row);
    }
    buffer.flip();
    try (OnnxTensor input =
            OnnxTensor.createTensor(environment, buffer, new long[] {inputs.length, width});
        OrtSession.Result result = session.run(Map.of(INPUT, input))) {
      float[][] probabilities = (float[][]) result.get(0).getValue();
      double[][] out = new double[inputs.length][];
      for (int i = 0; i < inputs.length; i++) {
        out[i] = new double[labels.size()];
        for (int j = 0; j < labels.size(); j++) {
          out[i][j] = probabilities[i][j];
        }
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime failed on " + source + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Path save(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path target = folder.resolve(FILE);
    if (!Files.isSameFile(folder, source.getParent())) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
