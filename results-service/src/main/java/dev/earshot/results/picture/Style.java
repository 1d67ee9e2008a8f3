package dev.earshot.results.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** The look shared by all pictures: fonts, colours, and PNG encoding. */
final class Style {

  static final int MIN_SIZE = 100;
  // Bounds the memory one request can ask for (4 bytes a pixel): 8000 x 8000 is 256 MB.
  static final int MAX_SIZE = 8000;
  static final int THUMBNAIL_WIDTH = 250;
  static final int THUMBNAIL_HEIGHT = 180;

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font SPAN_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 14);

  static final Color TEXT = new Color(0x33, 0x33, 0x33);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Color AXIS_LINE = new Color(0x88, 0x88, 0x88);
  static final Color NOTE = new Color(0x77, 0x77, 0x77);

  /**
   * Tableau 10: muted, distinct hues that colour-blind readers tell apart better than JFreeChart's
   * saturated defaults; used in order, so the first labels of a picture get the most distinct ones.
   */
  static final List<Color> PALETTE =
      List.of(
          new Color(0x4E79A7),
          new Color(0xF28E2B),
          new Color(0x59A14F),
          new Color(0xE15759),
          new Color(0x76B7B2),
          new Color(0xEDC948),
          new Color(0xB07AA1),
          new Color(0xFF9DA7),
          new Color(0x9C755F),
          new Color(0xBAB0AC));

  private Style() {}

  static void requireSize(int width, int height) {
    if (width < MIN_SIZE || width > MAX_SIZE) {
      throw new IllegalArgumentException(
          "width must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels: " + width);
    }
    if (height < MIN_SIZE || height > MAX_SIZE) {
      throw new IllegalArgumentException(
          "height must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels: " + height);
    }
  }

  static Color palette(int index) {
    return PALETTE.get(Math.floorMod(index, PALETTE.size()));
  }

  /** Black or white, whichever reads better on {@code background}. */
  static Color textOn(Color background) {
    double luminance =
        0.2126 * linear(background.getRed())
            + 0.7152 * linear(background.getGreen())
            + 0.0722 * linear(background.getBlue());
    // WCAG contrast with black and with white is equal at 0.179; a little above it white still
    // passes 4.5:1 and reads better on saturated mid-tones such as the palette's blue and red.
    return luminance > 0.25 ? Color.BLACK : Color.WHITE;
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** {@code colour} drawn with opacity {@code alpha} over white, as an opaque colour. */
  static Color overWhite(Color colour, double alpha) {
    return new Color(
        blend(colour.getRed(), alpha),
        blend(colour.getGreen(), alpha),
        blend(colour.getBlue(), alpha));
  }

  private static int blend(int channel, double alpha) {
    return (int) Math.round(255 - (255 - channel) * alpha);
  }

  static JFreeChart chart(String title, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(6, 8, 6, 12));
    TextTitle t = chart.getTitle();
    if (t != null) {
      t.setPaint(TEXT);
      t.setMargin(new RectangleInsets(2, 0, 8, 0));
    }
    LegendTitle l = chart.getLegend();
    if (l != null) {
      l.setItemFont(LABEL_FONT);
      l.setItemPaint(TEXT);
      l.setFrame(BlockBorder.NONE);
      l.setBackgroundPaint(Color.WHITE);
    }
    plot.setOutlineVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setNoDataMessageFont(NOTE_FONT);
    plot.setNoDataMessagePaint(NOTE);
    return chart;
  }

  static void axis(Axis axis) {
    axis.setLabelFont(LABEL_FONT);
    axis.setLabelPaint(TEXT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setTickLabelPaint(TEXT);
    axis.setAxisLinePaint(AXIS_LINE);
    axis.setTickMarkPaint(AXIS_LINE);
    axis.setAxisLineStroke(new BasicStroke(1f));
  }

  /** A number axis whose tick labels do not depend on the server's default locale. */
  static NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    // Wider insets make the automatic tick unit leave air between labels.
    axis.setTickLabelInsets(new RectangleInsets(2, 10, 2, 10));
    axis.setAutoRange(false);
    axis(axis);
    return axis;
  }

  /**
   * Strips what does not fit a thumbnail: below {@value #THUMBNAIL_WIDTH} x {@value
   * #THUMBNAIL_HEIGHT} pixels the plot alone, with the title only if there is height for it, says
   * more than a plot squeezed to nothing by legends and axis labels.
   */
  static JFreeChart fit(JFreeChart chart, int width, int height) {
    if (width >= THUMBNAIL_WIDTH && height >= THUMBNAIL_HEIGHT) {
      return chart;
    }
    chart.clearSubtitles();
    if (height < 150) {
      chart.setTitle((TextTitle) null);
    }
    List<Axis> axes = new ArrayList<>();
    Plot plot = chart.getPlot();
    if (plot instanceof XYPlot xy) {
      axes.add(xy.getDomainAxis());
      axes.add(xy.getRangeAxis());
    } else if (plot instanceof CategoryPlot category) {
      axes.add(category.getRangeAxis());
      axes.add(category.getDomainAxis());
      if (plot instanceof CombinedRangeCategoryPlot combined) {
        // getSubplots() is a raw List in JFreeChart 1.5.
        for (Object subplot : combined.getSubplots()) {
          axes.add(((CategoryPlot) subplot).getDomainAxis());
          // Value labels would pile up on bars a few pixels high.
          ((CategoryPlot) subplot).getRenderer().setDefaultItemLabelsVisible(false);
        }
      }
    }
    for (Axis axis : axes) {
      if (axis != null) {
        axis.setLabel(null);
        axis.setTickLabelsVisible(false);
      }
    }
    return chart;
  }

  static byte[] png(JFreeChart chart, int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      // Only a ByteArrayOutputStream is written to, so this is a failure of the encoder itself.
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return out.toByteArray();
  }
}
