package dev.earshot.classify.model.tribuo;

import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.ProbabilisticModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** A trained Tribuo classifier: standardised feature rows in, probabilities per label out. */
public final class TribuoModel implements ProbabilisticModel {

  static final String FILE = "model.tribuo";

  private final ModelType type;
  private final List<String> labels;
  private final Model<Label> model;

  TribuoModel(ModelType type, List<String> labels, Model<Label> model) {
    this.type = type;
    this.labels = List.copyOf(labels);
    this.model = model;
    if (!model.generatesProbabilities()) {
      throw new IllegalArgumentException(type.id() + " model gives no probabilities");
    }
  }

  static String[] featureNames(int count) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      // Zero-padded so Tribuo's sorted feature order is the column order.
      names[i] = String.format("f%05d", i);
    }
    return names;
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
    double[][] out = new double[inputs.length][];
    if (inputs.length == 0) {
      return out;
    }
    String[] names = featureNames(inputs[0].length);
    for (int i = 0; i < inputs.length; i++) {
      double[] values = new double[inputs[i].length];
      for (int j = 0; j < values.length; j++) {
        values[j] = inputs[i][j];
      }
      Prediction<Label> prediction =
          model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values));
      Map<String, Label> scores = prediction.getOutputScores();
      double[] row = new double[labels.size()];
      double sum = 0.0;
      for (int c = 0; c < row.length; c++) {
        Label label = scores.get(labels.get(c));
        row[c] = label == null ? 0.0 : Math.max(0.0, label.getScore());
        sum += row[c];
      }
      for (int c = 0; c < row.length; c++) {
        row[c] = sum > 0.0 ? row[c] / sum : 1.0 / row.length;
      }
      out[i] = row;
    }
    return out;
  }

  @Override
  public Path save(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(FILE);
    model.serializeToFile(file);
    return file;
  }

  @Override
  public void close() {}
}
