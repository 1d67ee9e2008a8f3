package dev.earshot.classify.model.djl;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.earshot.classify.model.ModelType;
import java.util.Arrays;

/**
 * A model type and a class count in, the untrained network out; every shape follows from the input
 * shape and the class count, so a saved model needs no further hyper-parameters.
 */
enum Architecture {

  /** Input [batch, features] → 128 → 64 (ReLU, dropout) → logits [batch, classes]. */
  MLP(ModelType.MLP) {
    @Override
    Block build(int classes) {
      return new SequentialBlock()
          .add(Linear.builder().setUnits(128).build())
          .add(Activation::relu)
          .add(Dropout.builder().optRate(DROPOUT).build())
          .add(Linear.builder().setUnits(64).build())
          .add(Activation::relu)
          .add(Dropout.builder().optRate(DROPOUT).build())
          .add(Linear.builder().setUnits(classes).build());
    }

    @Override
    void requireInputShape(int[] shape) {
      if (shape.length != 1 || shape[0] < 1) {
        throw new IllegalArgumentException(
            "mlp needs input shape [features] but got " + Arrays.toString(shape));
      }
    }
  },

  /**
   * Input [batch, 1, bands, frames] → conv 3×3 (16), batch norm, ReLU, max-pool 2 → conv 3×3 (32),
   * ReLU, max-pool 2 → global average pool [batch, 32] → dropout → logits [batch, classes].
   */
  CNN(ModelType.CNN) {
    @Override
    Block build(int classes) {
      return new SequentialBlock()
          .add(conv(16))
          // Log-mel levels are in dB; normalising after the first layer makes their offset moot.
          .add(BatchNorm.builder().build())
          .add(Activation::relu)
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(conv(32))
          .add(Activation::relu)
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          // Averaging over time and frequency lets one network read clips of any length.
          .add(Pool.globalAvgPool2dBlock())
          .add(Blocks.batchFlattenBlock())
          .add(Dropout.builder().optRate(DROPOUT).build())
          .add(Linear.builder().setUnits(classes).build());
    }

    @Override
    void requireInputShape(int[] shape) {
      // Two 2×2 max-pools need at least 4 bands and 4 frames to leave one value each.
      if (shape.length != 3 || shape[0] != 1 || shape[1] < 4 || shape[2] < 4) {
        throw new IllegalArgumentException(
            "cnn needs input shape [1, bands >= 4, frames >= 4] but got " + Arrays.toString(shape));
      }
    }

    private Block conv(int filters) {
      return Conv2d.builder()
          .setKernelShape(new Shape(3, 3))
          .optPadding(new Shape(1, 1))
          .setFilters(filters)
          .build();
    }
  };

  private static final float DROPOUT = 0.3f;

  private final ModelType type;

  Architecture(ModelType type) {
    this.type = type;
  }

  ModelType type() {
    return type;
  }

  /** A fresh network with uninitialised parameters that outputs logits, not probabilities. */
  abstract Block build(int classes);

  /** Throws {@link IllegalArgumentException} for an input shape the network cannot read. */
  abstract void requireInputShape(int[] shape);

  /** The shape of a batch: {@code [rows, inputShape...]}. */
  static Shape batchShape(int rows, int[] inputShape) {
    long[] dims = new long[inputShape.length + 1];
    dims[0] = rows;
    for (int i = 0; i < inputShape.length; i++) {
      dims[i + 1] = inputShape[i];
    }
    return new Shape(dims);
  }
}
