package dev.earshot.results.picture;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.renderer.PaintScale;

/**
 * Matplotlib's "magma" colour map (from BIDS/colormap, CC0) over {@code [lower, upper]}: dark for
 * quiet, pale yellow for loud, perceptually even and readable in grey scale and by most
 * colour-blind readers, which a rainbow scale is not. Immutable.
 */
final class Magma implements PaintScale {

  // magma sampled at 17 even steps; linear interpolation stays within 2.6/255 of the 256 entries.
  private static final List<Integer> ANCHORS =
      List.of(
          0x000004, 0x0A0822, 0x1D1146, 0x36106A, 0x50127C, 0x691C81, 0x822681, 0x9C2E7F, 0xB63779,
          0xCF4170, 0xE65163, 0xF5695C, 0xFB8761, 0xFEA571, 0xFEC387, 0xFDE0A2, 0xFCFDBF);

  static final int STEPS = 256;

  private final double lower;
  private final double upper;
  private final int[] table;

  Magma(double lower, double upper) {
    if (!(upper > lower)) {
      throw new IllegalArgumentException("upper must exceed lower: " + lower + ", " + upper);
    }
    this.lower = lower;
    this.upper = upper;
    this.table = new int[STEPS];
    int segments = ANCHORS.size() - 1;
    for (int i = 0; i < STEPS; i++) {
      double x = (double) i / (STEPS - 1) * segments;
      int k = Math.min((int) x, segments - 1);
      double f = x - k;
      table[i] = 0xFF000000 | mix(ANCHORS.get(k), ANCHORS.get(k + 1), f);
    }
  }

  private static int mix(int a, int b, double f) {
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int ca = (a >> shift) & 0xFF;
      int cb = (b >> shift) & 0xFF;
      rgb |= (int) Math.round(ca + (cb - ca) * f) << shift;
    }
    return rgb;
  }

  /** Opaque ARGB of {@code value}, clamped to the bounds. */
  int argb(double value) {
    double t = (value - lower) / (upper - lower);
    int i = (int) (t * (STEPS - 1) + 0.5);
    return table[i <= 0 ? 0 : i >= STEPS ? STEPS - 1 : i];
  }

  @Override
  public double getLowerBound() {
    return lower;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  @Override
  public Paint getPaint(double value) {
    return new Color(argb(value), true);
  }
}
