package dev.earshot.results.picture;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Paints sketches into the data area of an XYPlot whose domain is seconds and whose range is mels.
 *
 * <p>The image is built at draw time at exactly the resolution of the data area, so a minute of
 * 3000 frames costs one pass over the pixels rather than 192,000 JFreeChart blocks: each pixel
 * column takes the loudest of the frames it covers, which keeps short events visible, and each
 * pixel row interpolates between the two nearest band centres. Time not covered by any chunk stays
 * transparent, so gaps show the plot background.
 */
final class SpectrogramLayer extends AbstractXYAnnotation {

  private static final long serialVersionUID = 1L;

  private final transient List<SpectrogramSketch> chunks;
  private final transient Magma scale;

  /** {@code chunks} sorted by offset; a later chunk paints over an earlier one where they meet. */
  SpectrogramLayer(List<SpectrogramSketch> chunks, Magma scale) {
    this.chunks = List.copyOf(chunks);
    this.scale = scale;
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
    int x0 = (int) Math.floor(dataArea.getMinX());
    int y0 = (int) Math.floor(dataArea.getMinY());
    int width = (int) Math.ceil(dataArea.getMaxX()) - x0;
    int height = (int) Math.ceil(dataArea.getMaxY()) - y0;
    if (width <= 0 || height <= 0) {
      return;
    }
    RectangleEdge xEdge = plot.getDomainAxisEdge();
    RectangleEdge yEdge = plot.getRangeAxisEdge();
    double[] columnEdges = new double[width + 1];
    for (int c = 0; c <= width; c++) {
      columnEdges[c] = domainAxis.java2DToValue(x0 + c, dataArea, xEdge);
    }
    double[] rowMels = new double[height];
    for (int r = 0; r < height; r++) {
      rowMels[r] = rangeAxis.java2DToValue(y0 + r + 0.5, dataArea, yEdge);
    }
    // Pixel colour for each quantised level, with a quarter step between neighbours.
    int[] colours = new int[255 * 4 + 1];
    for (int i = 0; i < colours.length; i++) {
      colours[i] = scale.argb(SpectrogramSketch.decibels(i / 4.0));
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (SpectrogramSketch chunk : chunks) {
      paint(chunk, columnEdges, rowMels, colours, pixels, width);
    }
    Shape clip = g2.getClip();
    g2.clip(dataArea);
    g2.drawImage(image, x0, y0, null);
    g2.setClip(clip);
  }

  private static void paint(
      SpectrogramSketch chunk,
      double[] columnEdges,
      double[] rowMels,
      int[] colours,
      int[] pixels,
      int width) {
    int frames = chunk.frames();
    int bands = chunk.bands();
    if (frames == 0) {
      return;
    }
    double offset = chunk.offsetSeconds();
    double hop = chunk.hopSeconds();
    double end = chunk.endSeconds();
    double step = chunk.melStep();
    int height = rowMels.length;
    int[] lowBand = new int[height];
    int[] quarters = new int[height]; // weight of the upper band, in quarters
    boolean[] inside = new boolean[height];
    for (int r = 0; r < height; r++) {
      // Band b is centred on (b + 1) * step and owns half a step either side.
      double b = rowMels[r] / step - 1.0;
      inside[r] = b >= -0.5 && b <= bands - 0.5;
      double clamped = Math.max(0.0, Math.min(bands - 1.0, b));
      lowBand[r] = Math.min((int) clamped, bands - 2 < 0 ? 0 : bands - 2);
      quarters[r] = bands == 1 ? 0 : (int) Math.round((clamped - lowBand[r]) * 4.0);
    }
    int[] column = new int[bands];
    for (int c = 0; c < width; c++) {
      double t0 = columnEdges[c];
      double t1 = columnEdges[c + 1];
      if (t1 <= offset || t0 >= end) {
        continue;
      }
      int first = (int) Math.floor((t0 - offset) / hop);
      int last = (int) Math.ceil((t1 - offset) / hop) - 1;
      first = Math.max(0, Math.min(frames - 1, first));
      last = Math.max(first, Math.min(frames - 1, last));
      Arrays.fill(column, 0);
      for (int f = first; f <= last; f++) {
        for (int band = 0; band < bands; band++) {
          column[band] = Math.max(column[band], chunk.level(f, band));
        }
      }
      for (int r = 0; r < height; r++) {
        if (!inside[r]) {
          continue;
        }
        int low = column[lowBand[r]];
        int high = bands == 1 ? low : column[lowBand[r] + 1];
        pixels[r * width + c] = colours[low * (4 - quarters[r]) + high * quarters[r]];
      }
    }
  }
}
