package dev.earshot.classify.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of classifier the project trains, by the name used on the command line. */
public enum ModelType {
  LOGISTIC("logistic"),
  SVM("svm"),
  XGBOOST("xgboost"),
  MLP("mlp"),
  CNN("cnn");

  private final String id;

  ModelType(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Whether the model reads a log-mel spectrogram rather than a feature vector. */
  public boolean readsSpectrogram() {
    return this == CNN;
  }

  public static ModelType of(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (ModelType type : values()) {
      if (type.id.equals(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown model type '"
            + id
            + "'; one of "
            + Arrays.stream(values()).map(ModelType::id).collect(Collectors.joining(", ")));
  }
}
