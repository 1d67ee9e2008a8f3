package dev.earshot.audio.dsp;

import java.util.LinkedHashMap;
import java.util.Map;

/** Polyphase coefficients of a windowed-sinc low-pass for one ratio, shared by resamplers. */
final class SincKernel {

  /** Fraction of the lower Nyquist frequency that is kept flat. */
  static final double PASSBAND = 0.9;

  /** Kaiser design target; the achieved stop band is better than 80 dB (see ResamplerTest). */
  static final double STOPBAND_DB = 90.0;

  /**
   * Exact mode stores one row per phase; above this many coefficients the table would cost more
   * memory than it is worth and grid mode takes over.
   */
  static final int MAX_EXACT_COEFFICIENTS = 1 << 20;

  /**
   * Relative error allowed for linear interpolation between grid rows. The error of interpolating a
   * kernel whose highest frequency is {@code fc} cycles per input sample on a grid of {@code P}
   * rows is about {@code (2 pi fc / P)^2 / 8}; 1e-5 keeps it 100 dB below the signal, well under
   * the stop band.
   */
  static final double INTERPOLATION_ERROR = 1e-5;

  private static final int MIN_GRID = 16;
  private static final int CACHE_SIZE = 16;
  private static final int MAX_CACHED_COEFFICIENTS = 1 << 18;
  private static final Map<Long, SincKernel> CACHE =
      new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SincKernel> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  final int up;
  final int down;
  final int half;

  /** Row length: {@code 2 * half}, rounded up to a multiple of 8 with trailing zeros. */
  final int taps;

  /** True when there is one row per phase; false when rows form a grid to interpolate. */
  final boolean exact;

  /** Number of grid intervals in grid mode (the table then has {@code grid + 1} rows). */
  final int grid;

  /**
   * Row {@code r} holds the {@link #taps} coefficients for an output instant {@code t} that lies
   * {@code r / grid} of an input sample after {@code floor(t)}. Coefficient {@code j} multiplies
   * input {@code floor(t) - (half - 1) + j}, so the filter is centred on the output instant.
   */
  final float[] table;

  private SincKernel(int up, int down) {
    this.up = up;
    this.down = down;
    double scale = Math.min(1.0, (double) up / down);
    double cutoff = 0.5 * scale * (1.0 + PASSBAND) / 2.0;
    double transition = 0.5 * scale * (1.0 - PASSBAND);
    double order = (STOPBAND_DB - 7.95) / (2.285 * 2.0 * Math.PI * transition);
    this.half = Math.max(2, (int) Math.ceil(order / 2.0));
    this.taps = (2 * half + 7) / 8 * 8;
    double beta = 0.1102 * (STOPBAND_DB - 8.7);

    int gridNeeded =
        Math.max(
            MIN_GRID,
            (int) Math.ceil(2.0 * Math.PI * cutoff / Math.sqrt(8.0 * INTERPOLATION_ERROR)));
    this.exact = (long) up * taps <= MAX_EXACT_COEFFICIENTS || up <= gridNeeded;
    this.grid = exact ? up : gridNeeded;
    int rows = exact ? up : grid + 1;
    this.table = new float[rows * taps];
    double i0Beta = besselI0(beta);
    double[] row = new double[2 * half];
    for (int r = 0; r < rows; r++) {
      double fraction = (double) r / grid;
      double sum = 0;
      for (int j = 0; j < row.length; j++) {
        double tau = fraction + half - 1 - j;
        double u = tau / half;
        double window = Math.abs(u) >= 1.0 ? 0.0 : besselI0(beta * Math.sqrt(1.0 - u * u)) / i0Beta;
        row[j] = 2.0 * cutoff * sinc(2.0 * cutoff * tau) * window;
        sum += row[j];
      }
      // Unit DC gain in every row, so a constant input stays constant whatever the phase.
      for (int j = 0; j < row.length; j++) {
        table[r * taps + j] = (float) (row[j] / sum);
      }
    }
  }

  static SincKernel forRatio(int up, int down) {
    long key = ((long) up << 32) | down;
    synchronized (CACHE) {
      SincKernel cached = CACHE.get(key);
      if (cached != null) {
        return cached;
      }
    }
    SincKernel kernel = new SincKernel(up, down);
    // Big tables belong to unusual rates; rebuilding one (tens of milliseconds) beats keeping it.
    if (kernel.table.length <= MAX_CACHED_COEFFICIENTS) {
      synchronized (CACHE) {
        CACHE.putIfAbsent(key, kernel);
      }
    }
    return kernel;
  }

  private static double sinc(double x) {
    if (x == 0.0) {
      return 1.0;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  /** Modified Bessel function of the first kind, order zero, by its power series. */
  static double besselI0(double x) {
    double sum = 1.0;
    double term = 1.0;
    double halfX = x / 2.0;
    for (int k = 1; k < 500; k++) {
      term *= (halfX / k) * (halfX / k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }
}
