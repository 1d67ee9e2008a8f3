package dev.earshot.classify.model;

import java.util.Arrays;

/**
 * Rows in, z-scored rows out, with means and deviations learnt from the training rows only: per
 * column for feature vectors, one pair for a whole spectrogram (so the time–frequency picture keeps
 * its shape). A constant column is centred but not scaled.
 *
 * @param means one per column, or a single value for all
 * @param deviations as {@code means}
 */
public record Standardizer(double[] means, double[] deviations) {

  public Standardizer {
    if (means.length != deviations.length || means.length == 0) {
      throw new IllegalArgumentException(
          "means and deviations must be non-empty and of equal length: "
              + means.length
              + " and "
              + deviations.length);
    }
    means = means.clone();
    deviations = deviations.clone();
  }

  /** The statistics of columns {@code [from, to)}; only for per-column scaling. */
  public Standardizer columns(int from, int to) {
    if (means.length == 1) {
      throw new IllegalStateException("one scale for the whole row has no columns to take");
    }
    return new Standardizer(
        Arrays.copyOfRange(means, from, to), Arrays.copyOfRange(deviations, from, to));
  }

  /** Per-column statistics of the rows. */
  public static Standardizer perColumn(float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows to learn scaling from");
    }
    int width = rows[0].length;
    double[] mean = new double[width];
    double[] sq = new double[width];
    for (float[] row : rows) {
      for (int j = 0; j < width; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < width; j++) {
      mean[j] /= rows.length;
    }
    for (float[] row : rows) {
      for (int j = 0; j < width; j++) {
        double d = row[j] - mean[j];
        sq[j] += d * d;
      }
    }
    double[] deviation = new double[width];
    for (int j = 0; j < width; j++) {
      deviation[j] = Math.sqrt(sq[j] / rows.length);
    }
    return new Standardizer(mean, deviation);
  }

  /** One mean and deviation over every value of every row. */
  public static Standardizer global(float[][] rows) {
    double sum = 0.0;
    long count = 0;
    for (float[] row : rows) {
      for (float v : row) {
        sum += v;
        count++;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("no values to learn scaling from");
    }
    double mean = sum / count;
    double sq = 0.0;
    for (float[] row : rows) {
      for (float v : row) {
        sq += (v - mean) * (v - mean);
      }
    }
    return new Standardizer(new double[] {mean}, new double[] {Math.sqrt(sq / count)});
  }

  public float[] apply(float[] row) {
    boolean global = means.length == 1;
    if (!global && row.length != means.length) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the scaling was learnt on " + means.length);
    }
    float[] out = new float[row.length];
    for (int j = 0; j < row.length; j++) {
      int k = global ? 0 : j;
      double scale = deviations[k] > 1e-12 ? deviations[k] : 1.0;
      out[j] = (float) ((row[j] - means[k]) / scale);
    }
    return out;
  }

  public float[][] apply(float[][] rows) {
    return Arrays.stream(rows).map(this::apply).toArray(float[][]::new);
  }
}
