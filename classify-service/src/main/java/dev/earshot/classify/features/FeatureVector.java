package dev.earshot.classify.features;

import java.util.List;
import java.util.Objects;

/** A fixed-length vector of named features, the input of the classical classifiers. */
public record FeatureVector(List<String> names, float[] values) {

  public FeatureVector {
    names = List.copyOf(names);
    Objects.requireNonNull(values, "values");
    if (names.size() != values.length) {
      throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
    }
  }

  public int size() {
    return values.length;
  }

  public float value(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no feature named " + name);
    }
    return values[index];
  }
}
