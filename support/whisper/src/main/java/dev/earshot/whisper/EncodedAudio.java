package dev.earshot.whisper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;

/** The encoder's output for a batch of windows: hidden states [batch, positions, width]. */
public final class EncodedAudio {

  private final FloatBuffer states;
  private final int batch;
  private final int positions;
  private final int width;

  EncodedAudio(FloatBuffer states, int batch, int positions, int width) {
    this.states = states;
    this.batch = batch;
    this.positions = positions;
    this.width = width;
  }

  public int batch() {
    return batch;
  }

  public int positions() {
    return positions;
  }

  public int width() {
    return width;
  }

  /** A copy of one item's states [positions * width], e.g. to mean-pool as an embedding. */
  public float[] itemValues(int item) {
    float[] values = new float[positions * width];
    states.slice(item * positions * width, positions * width).get(values);
    return values;
  }

  /** One item as a [1, positions, width] tensor sharing this buffer. */
  OnnxTensor item(OrtEnvironment env, int item) {
    if (item < 0 || item >= batch) {
      throw new IndexOutOfBoundsException("item " + item + " of a batch of " + batch);
    }
    int size = positions * width;
    try {
      return OnnxTensor.createTensor(
          env, states.slice(item * size, size), new long[] {1, positions, width});
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
