package dev.earshot.classify.features;

import java.util.Arrays;

/** Summary statistics over a series; NaN values (unvoiced pitch frames) are left out. */
final class Statistics {

  private Statistics() {}

  /** Mean, population standard deviation, 10th, 50th and 90th percentile; zeros when empty. */
  static double[] summarise(float[] series) {
    double[] values = finite(series);
    if (values.length == 0) {
      return new double[5];
    }
    double[] moments = moments(values);
    Arrays.sort(values);
    return new double[] {
      moments[0], moments[1], percentile(values, 10), percentile(values, 50), percentile(values, 90)
    };
  }

  /** Mean and population standard deviation; zeros when empty. */
  static double[] meanStd(float[] series) {
    double[] values = finite(series);
    return values.length == 0 ? new double[2] : moments(values);
  }

  private static double[] moments(double[] values) {
    double mean = 0.0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double variance = 0.0;
    for (double v : values) {
      variance += (v - mean) * (v - mean);
    }
    return new double[] {mean, Math.sqrt(variance / values.length)};
  }

  /** Share of values that are not NaN. */
  static double finiteFraction(float[] series) {
    return series.length == 0 ? 0.0 : (double) finite(series).length / series.length;
  }

  /** Linear interpolation between closest ranks, numpy's default, over sorted values. */
  static double percentile(double[] sorted, double percent) {
    double rank = percent / 100.0 * (sorted.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = Math.min(sorted.length - 1, lower + 1);
    double fraction = rank - lower;
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
  }

  private static double[] finite(float[] series) {
    double[] out = new double[series.length];
    int n = 0;
    for (float v : series) {
      if (Float.isFinite(v)) {
        out[n++] = v;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
