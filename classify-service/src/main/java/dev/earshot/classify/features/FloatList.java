package dev.earshot.classify.features;

import java.util.Arrays;

/** A growable list of primitive floats, for per-frame series of unknown length. */
final class FloatList {

  private float[] values;
  private int size;

  FloatList(int capacity) {
    values = new float[Math.max(16, capacity)];
  }

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = (float) value;
  }

  int size() {
    return size;
  }

  float[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
