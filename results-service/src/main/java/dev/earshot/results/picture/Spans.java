package dev.earshot.results.picture;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Text written inside the spans of the timeline. Whether a text fits depends on the pixel width a
 * span gets, known only at draw time, so this annotation picks the longest variant that fits then
 * and truncates the last one with an ellipsis; a span too narrow for even that stays unlabelled.
 */
final class Spans extends AbstractXYAnnotation {

  private static final long serialVersionUID = 1L;
  private static final String ELLIPSIS = "\u2026";
  private static final double PADDING = 4.0;

  /**
   * Text for {@code [start, end)} in lane {@code lane}, centred in the span: the first of {@code
   * variants} that fits, else the last one shortened; drawn in {@code paint}.
   */
  record Text(double start, double end, int lane, List<String> variants, Color paint) {
    Text {
      variants = List.copyOf(variants);
    }
  }

  private final transient List<Text> texts;

  Spans(List<Text> texts) {
    this.texts = List.copyOf(texts);
  }

  static void requireInterval(double start, double end) {
    if (!Double.isFinite(start) || !Double.isFinite(end)) {
      throw new IllegalArgumentException("start and end must be finite: " + start + ", " + end);
    }
    if (end < start) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
  }

  @Override
  public void draw(
      Graphics2D g2,
      XYPlot plot,
      Rectangle2D dataArea,
      ValueAxis domainAxis,
      ValueAxis rangeAxis,
      int rendererIndex,
      PlotRenderingInfo info) {
    RectangleEdge xEdge = plot.getDomainAxisEdge();
    RectangleEdge yEdge = plot.getRangeAxisEdge();
    Shape clip = g2.getClip();
    g2.clip(dataArea);
    g2.setFont(Style.SPAN_FONT);
    FontMetrics metrics = g2.getFontMetrics();
    for (Text text : texts) {
      double x0 = domainAxis.valueToJava2D(text.start(), dataArea, xEdge);
      double x1 = domainAxis.valueToJava2D(text.end(), dataArea, xEdge);
      double room = Math.abs(x1 - x0) - 2 * PADDING;
      String shown = fit(text.variants(), metrics, room);
      if (shown == null) {
        continue;
      }
      double y = rangeAxis.valueToJava2D(text.lane(), dataArea, yEdge);
      float x = (float) ((x0 + x1) / 2 - metrics.stringWidth(shown) / 2.0);
      float baseline = (float) (y + (metrics.getAscent() - metrics.getDescent()) / 2.0);
      g2.setPaint(text.paint());
      g2.drawString(shown, x, baseline);
    }
    g2.setClip(clip);
  }

  /** The first variant no wider than {@code room} pixels, else the last one cut, else null. */
  static String fit(List<String> variants, FontMetrics metrics, double room) {
    for (String v : variants) {
      if (metrics.stringWidth(v) <= room) {
        return v;
      }
    }
    if (variants.isEmpty()) {
      return null;
    }
    String last = variants.get(variants.size() - 1).strip();
    // Binary search for the longest prefix that still fits with the ellipsis.
    int lo = 0;
    int hi = last.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (metrics.stringWidth(last.substring(0, mid).strip() + ELLIPSIS) <= room) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    if (lo > 0 && Character.isHighSurrogate(last.charAt(lo - 1))) {
      lo--;
    }
    // A single letter and an ellipsis says nothing; leave the span unlabelled instead.
    return lo < 2 ? null : last.substring(0, lo).strip() + ELLIPSIS;
  }
}
