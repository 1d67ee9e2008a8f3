package dev.earshot.classify.evaluate;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Per-fold Evaluations of a cross-validation run, summarised as mean and standard deviation. */
public record CrossValidationResult(List<Evaluation> folds) {

  /**
   * Mean and population standard deviation (divisor k, like numpy's default) of one metric over the
   * folds.
   */
  public record Summary(double mean, double std) {}

  public CrossValidationResult {
    if (folds == null || folds.isEmpty()) {
      throw new IllegalArgumentException("folds must not be null or empty but was " + folds);
    }
    folds = List.copyOf(folds);
  }

  /** Number of folds. */
  public int k() {
    return folds.size();
  }

  public Summary accuracy() {
    return summarise(Evaluation::accuracy);
  }

  public Summary macroF1() {
    return summarise(e -> e.macro().f1());
  }

  /** Mean and standard deviation of any per-fold metric. */
  public Summary summarise(ToDoubleFunction<Evaluation> metric) {
    double[] values = folds.stream().mapToDouble(metric).toArray();
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new Summary(mean, Math.sqrt(squares / values.length));
  }
}
