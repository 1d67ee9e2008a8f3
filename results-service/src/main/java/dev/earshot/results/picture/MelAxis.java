package dev.earshot.results.picture;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A vertical axis whose values are HTK mels, so mel bands are evenly spaced, but whose ticks sit at
 * round frequencies and are labelled in Hz.
 */
final class MelAxis extends NumberAxis {

  private static final long serialVersionUID = 1L;

  // Most telling first: each is kept only if it does not crowd the ones chosen before it.
  private static final double[] CANDIDATE_HZ = {
    1000, 2000, 4000, 8000, 16000, 500, 3000, 6000, 12000, 20000, 250, 1500, 5000, 7000, 10000,
    14000, 18000, 22000, 100, 750, 2500, 3500, 4500, 5500, 6500, 7500, 9000, 11000, 13000, 15000,
    17000, 19000, 21000, 23000
  };

  MelAxis(String label, double lowerMel, double upperMel) {
    super(label);
    Style.axis(this);
    setAutoRange(false);
    setRange(lowerMel, upperMel);
  }

  @Override
  public List<Tick> refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    if (!RectangleEdge.isLeftOrRight(edge)) {
      return super.refreshTicks(g2, state, dataArea, edge);
    }
    double minGap = g2.getFontMetrics(getTickLabelFont()).getHeight() * 1.8;
    List<double[]> chosen = new ArrayList<>(); // {hz, y}
    for (double hz : CANDIDATE_HZ) {
      double mel = SpectrogramSketch.hzToMel(hz);
      if (!getRange().contains(mel)) {
        continue;
      }
      double y = valueToJava2D(mel, dataArea, edge);
      boolean crowded = false;
      for (double[] c : chosen) {
        crowded |= Math.abs(c[1] - y) < minGap;
      }
      if (!crowded) {
        chosen.add(new double[] {hz, y});
      }
    }
    chosen.sort(Comparator.comparingDouble(c -> c[0]));
    TextAnchor anchor =
        edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
    List<Tick> ticks = new ArrayList<>();
    for (double[] c : chosen) {
      ticks.add(
          new NumberTick(
              TickType.MAJOR,
              SpectrogramSketch.hzToMel(c[0]),
              Long.toString(Math.round(c[0])),
              anchor,
              anchor,
              0.0));
    }
    return ticks;
  }
}
