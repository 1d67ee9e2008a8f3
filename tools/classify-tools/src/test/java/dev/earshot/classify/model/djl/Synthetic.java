package dev.earshot.classify.model.djl;

import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.classify.train.TrainingSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded synthetic training sets small enough to train on in about a second. */
final class Synthetic {

  private Synthetic() {}

  /**
   * Gaussian blobs of unit variance: class {@code c} centred at {@code separation} along axis c, so
   * any two centres lie {@code separation × √2} apart.
   */
  static TrainingSet blobs(int[] counts, int dimensions, double separation, long seed) {
    Random random = new Random(seed);
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      for (int n = 0; n < counts[c]; n++) {
        float[] row = new float[dimensions];
        for (int j = 0; j < dimensions; j++) {
          row[j] = (float) ((j == c ? separation : 0) + random.nextGaussian());
        }
        rows.add(row);
        labels.add(c);
      }
    }
    return set(rows, labels, counts.length, new int[] {dimensions});
  }

  /** Pure noise with random labels: nothing to learn, so the validation loss soon stalls. */
  static TrainingSet noise(int size, int dimensions, long seed) {
    Random random = new Random(seed);
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      float[] row = new float[dimensions];
      for (int j = 0; j < dimensions; j++) {
        row[j] = (float) random.nextGaussian();
      }
      rows.add(row);
      labels.add(random.nextInt(2));
    }
    return set(rows, labels, 2, new int[] {dimensions});
  }

  /**
   * Spectrograms [1, bands, frames] of Gaussian noise with a 3-band horizontal stripe (label 0,
   * "tone") or a 3-frame vertical stripe (label 1, "click") of height 1 at a random place.
   */
  static TrainingSet stripes(int size, int bands, int frames, double noise, long seed) {
    Random random = new Random(seed);
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int label = i % 2;
      float[] row = new float[bands * frames];
      for (int k = 0; k < row.length; k++) {
        row[k] = (float) (random.nextGaussian() * noise);
      }
      if (label == 0) {
        int band = random.nextInt(bands - 2);
        for (int b = band; b < band + 3; b++) {
          for (int t = 0; t < frames; t++) {
            row[b * frames + t] += 1;
          }
        }
      } else {
        int frame = random.nextInt(frames - 2);
        for (int b = 0; b < bands; b++) {
          for (int t = frame; t < frame + 3; t++) {
            row[b * frames + t] += 1;
          }
        }
      }
      rows.add(row);
      labels.add(label);
    }
    return new TrainingSet(
        rows.toArray(float[][]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(),
        List.of("tone", "click"),
        new int[] {1, bands, frames});
  }

  /** One thread, so that results repeat exactly on any machine. */
  static TrainingOptions options(long seed, int maxEpochs, int patience, double[] weights) {
    return new TrainingOptions(seed, maxEpochs, patience, 3e-3, 32, weights, 1);
  }

  static double[] unweighted(int classes) {
    double[] weights = new double[classes];
    Arrays.fill(weights, 1.0);
    return weights;
  }

  static double accuracy(double[][] probabilities, int[] labels) {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += argMax(probabilities[i]) == labels[i] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  /** Share of the examples of {@code label} that are predicted as {@code label}. */
  static double recall(double[][] probabilities, int[] labels, int label) {
    int found = 0;
    int total = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == label) {
        total++;
        found += argMax(probabilities[i]) == label ? 1 : 0;
      }
    }
    return (double) found / total;
  }

  /** Class-weighted mean cross-entropy, as the trainer reports it. */
  static double weightedLoss(double[][] probabilities, int[] labels, double[] weights) {
    double loss = 0;
    double weight = 0;
    for (int i = 0; i < labels.length; i++) {
      loss -= weights[labels[i]] * Math.log(probabilities[i][labels[i]]);
      weight += weights[labels[i]];
    }
    return loss / weight;
  }

  static int argMax(double[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      if (values[c] > values[best]) {
        best = c;
      }
    }
    return best;
  }

  private static TrainingSet set(
      List<float[]> rows, List<Integer> labels, int classes, int[] shape) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add("class" + c);
    }
    return new TrainingSet(
        rows.toArray(float[][]::new),
        labels.stream().mapToInt(Integer::intValue).toArray(),
        names,
        shape);
  }
}
