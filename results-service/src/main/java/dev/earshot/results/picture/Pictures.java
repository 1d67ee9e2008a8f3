package dev.earshot.results.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * PNG pictures of one recording's results, drawn with JFreeChart: its mel spectrogram, its class
 * probabilities, and a timeline of its labels and transcript.
 *
 * <p>Every method is a pure function, safe to call from many threads at once. Empty or null input
 * gives a picture with a "no data" note rather than an exception, and a null title leaves the title
 * out. Width and height must each be between {@value Style#MIN_SIZE} and {@value Style#MAX_SIZE}
 * pixels.
 */
public final class Pictures {

  // Shown below the spectrogram's loudest level; 80 dB spans room noise to speech peaks.
  static final double DISPLAY_RANGE_DB = 80.0;
  // Values at or above this get their label inside the bar, where there is room.
  private static final double LABEL_INSIDE_FROM = 0.8;
  private static final double LANE_FILL = 0.76;
  private static final Color TRANSCRIPT_FILL = new Color(0xD5, 0xDE, 0xE8);
  private static final Color LANE_BAND = new Color(0xF5, 0xF6, 0xF8);
  private static final double MERGE_GAP_SECONDS = 0.05;

  private Pictures() {}

  /**
   * The mel spectrogram of a recording from the sketches of its chunks, in any order: time in
   * seconds across, frequency in Hz up on a mel scale, colour in dBFS with a scale beside it. Time
   * no chunk covers stays blank. The colour scale spans {@value #DISPLAY_RANGE_DB} dB below the
   * loudest level of the recording (rounded up to 10 dB), so quiet recordings stay visible.
   */
  public static byte[] spectrogram(
      List<SpectrogramSketch> chunks, String title, int width, int height) {
    Style.requireSize(width, height);
    return Style.png(Style.fit(spectrogramChart(chunks, title), width, height), width, height);
  }

  /**
   * A horizontal bar chart of class probabilities from 0 to 1, one block of bars per group (per
   * classifier), in the order groups and labels first appear; a label repeated in a group shows its
   * last probability.
   */
  public static byte[] probabilities(
      List<ProbabilityBar> bars, String title, int width, int height) {
    Style.requireSize(width, height);
    return Style.png(Style.fit(probabilitiesChart(bars, title), width, height), width, height);
  }

  /**
   * Labels and transcript over time: one lane per {@link LabelSpan#lane()} in order of first
   * appearance, then a "transcript" lane. A label has one colour in every lane, listed in the
   * legend, and its span is the fainter the lower its confidence; label and transcript text is
   * written inside the spans, shortened to fit.
   */
  public static byte[] timeline(Timeline timeline, String title, int width, int height) {
    Style.requireSize(width, height);
    return Style.png(Style.fit(timelineChart(timeline, title), width, height), width, height);
  }

  static JFreeChart spectrogramChart(List<SpectrogramSketch> chunks, String title) {
    List<SpectrogramSketch> sorted = new ArrayList<>();
    if (chunks != null) {
      chunks.stream().filter(Objects::nonNull).forEach(sorted::add);
    }
    sorted.sort(Comparator.comparingDouble(SpectrogramSketch::offsetSeconds));
    // The axis follows the chunk reaching highest, in case chunks came at different rates.
    SpectrogramSketch widest =
        sorted.stream()
            .max(Comparator.comparingDouble(SpectrogramSketch::maxHz))
            .orElse(
                new SpectrogramSketch(
                    0,
                    SpectrogramSketch.HOP_SECONDS,
                    SpectrogramSketch.BANDS,
                    0,
                    8000,
                    new byte[0]));
    double step = widest.melStep();
    double start = 0;
    double end = 0;
    int loudest = -1;
    for (SpectrogramSketch s : sorted) {
      start = Math.min(start, s.offsetSeconds());
      end = Math.max(end, s.endSeconds());
      loudest = Math.max(loudest, s.maxLevel());
    }
    NumberAxis time = Style.numberAxis("Time (s)");
    time.setRange(start, end > start ? end : start + 1);
    MelAxis frequency =
        new MelAxis("Frequency (Hz, mel scale)", 0.5 * step, (widest.bands() + 0.5) * step);
    XYPlot plot = new XYPlot(null, time, frequency, null);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
    JFreeChart chart = Style.chart(title, plot, false);
    if (loudest < 0) {
      plot.setNoDataMessage("No spectrogram data");
      plot.setBackgroundPaint(LANE_BAND);
      return chart;
    }
    double top =
        Math.min(
            SpectrogramSketch.MAX_DB, Math.ceil(SpectrogramSketch.decibels(loudest) / 10.0) * 10.0);
    double bottom = top - DISPLAY_RANGE_DB;
    if (bottom < SpectrogramSketch.MIN_DB) {
      bottom = SpectrogramSketch.MIN_DB;
      top = bottom + DISPLAY_RANGE_DB;
    }
    Magma scale = new Magma(bottom, top);
    plot.addAnnotation(new SpectrogramLayer(sorted, scale));

    NumberAxis levels = Style.numberAxis("Level (dBFS)");
    levels.setRange(bottom, top);
    levels.setTickUnit(new NumberTickUnit(10, new DecimalFormat("0", symbols())));
    PaintScaleLegend legend = new PaintScaleLegend(scale, levels);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
    legend.setStripWidth(14);
    legend.setSubdivisionCount(Magma.STEPS);
    legend.setStripOutlineVisible(false);
    legend.setAxisOffset(2);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setFrame(BlockBorder.NONE);
    // Keeps the strip roughly level with the data area, which the time axis ends above.
    legend.setMargin(new RectangleInsets(4, 14, 44, 0));
    chart.addSubtitle(legend);
    return chart;
  }

  static JFreeChart probabilitiesChart(List<ProbabilityBar> bars, String title) {
    Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
    if (bars != null) {
      for (ProbabilityBar bar : bars) {
        if (bar != null) {
          groups
              .computeIfAbsent(bar.group(), g -> new LinkedHashMap<>())
              .put(bar.label(), Math.max(0.0, Math.min(1.0, bar.probability())));
        }
      }
    }
    NumberAxis value = Style.numberAxis("Probability");
    value.setRange(0.0, 1.0);
    value.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0", symbols())));
    if (groups.isEmpty()) {
      CategoryPlot plot =
          new CategoryPlot(
              new DefaultCategoryDataset(), new CategoryAxis(), value, new BarRenderer());
      plot.setOrientation(PlotOrientation.HORIZONTAL);
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
      plot.setRangeGridlinePaint(Style.GRID);
      plot.setNoDataMessage("No class probabilities");
      return Style.chart(title, plot, false);
    }
    CombinedRangeCategoryPlot plot = new CombinedRangeCategoryPlot(value);
    plot.setGap(14);
    int index = 0;
    for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
      DefaultCategoryDataset dataset = new DefaultCategoryDataset();
      double[] values = new double[group.getValue().size()];
      int column = 0;
      for (Map.Entry<String, Double> label : group.getValue().entrySet()) {
        dataset.addValue(label.getValue(), group.getKey(), label.getKey());
        values[column++] = label.getValue();
      }
      CategoryAxis labels = new CategoryAxis(group.getKey());
      Style.axis(labels);
      labels.setLabelFont(Style.LABEL_FONT.deriveFont(Font.BOLD));
      labels.setCategoryMargin(0.3);
      labels.setLowerMargin(0.04);
      labels.setUpperMargin(0.04);
      labels.setMaximumCategoryLabelWidthRatio(0.35f);
      CategoryPlot subplot =
          new CategoryPlot(
              dataset, labels, null, new ProbabilityRenderer(values, Style.palette(index)));
      subplot.setBackgroundPaint(Color.WHITE);
      subplot.setOutlineVisible(false);
      subplot.setRangeGridlinePaint(Style.GRID);
      subplot.setRangeGridlineStroke(new BasicStroke(1f));
      plot.add(subplot, Math.max(1, values.length));
      index++;
    }
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    plot.setRangeGridlinePaint(Style.GRID);
    return Style.chart(title, plot, false);
  }

  static JFreeChart timelineChart(Timeline timeline, String title) {
    List<LabelSpan> labels = timeline == null ? List.of() : timeline.labels();
    List<TextSpan> transcript = timeline == null ? List.of() : timeline.transcript();
    double end = timeline == null ? 0 : timeline.durationSeconds();
    List<String> lanes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (LabelSpan span : labels) {
      if (!lanes.contains(span.lane())) {
        lanes.add(span.lane());
      }
      if (!names.contains(span.label())) {
        names.add(span.label());
      }
      end = Math.max(end, span.end());
    }
    for (TextSpan span : transcript) {
      end = Math.max(end, span.end());
    }
    int transcriptLane = lanes.size();
    List<String> laneNames = new ArrayList<>(lanes);
    laneNames.add("transcript");

    NumberAxis time = Style.numberAxis("Time (s)");
    time.setRange(0, end > 0 ? end : 1);
    SymbolAxis laneAxis = new SymbolAxis(null, laneNames.toArray(new String[0]));
    Style.axis(laneAxis);
    laneAxis.setTickLabelFont(Style.LABEL_FONT);
    laneAxis.setInverted(true);
    laneAxis.setRange(-0.5, laneNames.size() - 0.5);
    laneAxis.setGridBandPaint(Color.WHITE);
    laneAxis.setGridBandAlternatePaint(LANE_BAND);
    laneAxis.setTickMarksVisible(false);
    laneAxis.setAxisLineVisible(false);

    XYIntervalSeriesCollection labelData = new XYIntervalSeriesCollection();
    List<List<Color>> fills = new ArrayList<>();
    for (int n = 0; n < names.size(); n++) {
      // Not sorted, so item i stays the i-th span added and matches its fill.
      labelData.addSeries(new XYIntervalSeries(names.get(n), false, true));
      fills.add(new ArrayList<>());
    }
    for (LabelSpan span : labels) {
      int series = names.indexOf(span.label());
      double y = lanes.indexOf(span.lane());
      labelData
          .getSeries(series)
          .add(
              (span.start() + span.end()) / 2,
              span.start(),
              span.end(),
              y,
              y - LANE_FILL / 2,
              y + LANE_FILL / 2);
      fills.get(series).add(fill(series, span.confidence()));
    }
    XYIntervalSeriesCollection transcriptData = new XYIntervalSeriesCollection();
    XYIntervalSeries segments = new XYIntervalSeries("transcript", false, true);
    for (TextSpan span : transcript) {
      double y = transcriptLane;
      segments.add(
          (span.start() + span.end()) / 2,
          span.start(),
          span.end(),
          y,
          y - LANE_FILL / 2,
          y + LANE_FILL / 2);
    }
    transcriptData.addSeries(segments);

    XYBarRenderer labelRenderer = new SpanRenderer(fills);
    for (int n = 0; n < names.size(); n++) {
      labelRenderer.setSeriesPaint(n, Style.palette(n));
    }
    XYBarRenderer transcriptRenderer = new SpanRenderer(List.of());
    transcriptRenderer.setSeriesPaint(0, TRANSCRIPT_FILL);
    transcriptRenderer.setDefaultSeriesVisibleInLegend(false);

    XYPlot plot = new XYPlot(labelData, time, laneAxis, labelRenderer);
    plot.setDataset(1, transcriptData);
    plot.setRenderer(1, transcriptRenderer);
    plot.setDomainGridlinePaint(Style.GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlinesVisible(false);
    plot.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
    plot.addAnnotation(new Spans(texts(labels, transcript, lanes, names, transcriptLane)));
    boolean anyLabels = !labels.isEmpty();
    JFreeChart chart = Style.chart(title, plot, anyLabels);
    if (labels.isEmpty() && transcript.isEmpty()) {
      plot.setNoDataMessage("No labels or transcript");
      return chart;
    }
    if (anyLabels) {
      LegendTitle legend = chart.getLegend();
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setMargin(new RectangleInsets(6, 0, 0, 0));
      TextTitle note = new TextTitle("Fainter spans: lower confidence", Style.TICK_FONT);
      note.setPaint(Style.NOTE);
      note.setPosition(RectangleEdge.BOTTOM);
      chart.addSubtitle(note);
    }
    return chart;
  }

  /** The fill of a span of label {@code series}: its colour, paler the lower the confidence. */
  private static Color fill(int series, double confidence) {
    double c = Math.max(0.0, Math.min(1.0, confidence));
    return Style.overWhite(Style.palette(series), 0.3 + 0.7 * c);
  }

  /**
   * Text for the spans: a label once for each run of abutting spans with that label in its lane,
   * rather than once per chunk, and each transcript segment's text.
   */
  private static List<Spans.Text> texts(
      List<LabelSpan> labels,
      List<TextSpan> transcript,
      List<String> lanes,
      List<String> names,
      int transcriptLane) {
    List<Spans.Text> texts = new ArrayList<>();
    for (int lane = 0; lane < lanes.size(); lane++) {
      String laneName = lanes.get(lane);
      List<LabelSpan> spans = new ArrayList<>();
      for (LabelSpan span : labels) {
        if (span.lane().equals(laneName)) {
          spans.add(span);
        }
      }
      spans.sort(Comparator.comparingDouble(LabelSpan::start));
      int i = 0;
      while (i < spans.size()) {
        LabelSpan first = spans.get(i);
        double runEnd = first.end();
        double confidence = first.confidence();
        int j = i + 1;
        while (j < spans.size()
            && spans.get(j).label().equals(first.label())
            && spans.get(j).start() <= runEnd + MERGE_GAP_SECONDS) {
          runEnd = Math.max(runEnd, spans.get(j).end());
          confidence = Math.min(confidence, spans.get(j).confidence());
          j++;
        }
        Color paint = Style.textOn(fill(names.indexOf(first.label()), confidence));
        texts.add(new Spans.Text(first.start(), runEnd, lane, List.of(first.label()), paint));
        i = j;
      }
    }
    for (TextSpan span : transcript) {
      String text = span.text().strip().replaceAll("\\s+", " ");
      if (!text.isEmpty()) {
        texts.add(
            new Spans.Text(
                span.start(),
                span.end(),
                transcriptLane,
                List.of(text),
                Style.textOn(TRANSCRIPT_FILL)));
      }
    }
    return texts;
  }

  private static DecimalFormatSymbols symbols() {
    return DecimalFormatSymbols.getInstance(Locale.ROOT);
  }

  /**
   * Flat horizontal bars labelled with their value: inside the end of a long bar, where the label
   * cannot run off the plot, else just after the end.
   */
  private static final class ProbabilityRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;
    private static final double LABEL_PADDING = 4.0;

    private final double[] values;
    private final Color colour;

    ProbabilityRenderer(double[] values, Color colour) {
      this.values = values.clone();
      this.colour = colour;
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(false);
      setItemMargin(0.0);
      setMaximumBarWidth(0.9);
      setSeriesPaint(0, colour);
      setDefaultItemLabelGenerator(
          new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.00", symbols())));
      setDefaultItemLabelsVisible(true);
      setDefaultItemLabelFont(Style.TICK_FONT);
    }

    // BarRenderer's own placement would pick white-on-bar colours even when it falls back to
    // drawing outside a thin bar, on white; deciding both here keeps them consistent.
    @Override
    protected void drawItemLabel(
        Graphics2D g2,
        CategoryDataset data,
        int row,
        int column,
        CategoryPlot plot,
        CategoryItemLabelGenerator generator,
        Rectangle2D bar,
        boolean negative) {
      String label = generator.generateLabel(data, row, column);
      if (label == null) {
        return;
      }
      g2.setFont(getItemLabelFont(row, column));
      FontMetrics metrics = g2.getFontMetrics();
      if (bar.getHeight() < metrics.getAscent() * 0.6) {
        return; // neighbouring labels would overlap
      }
      int textWidth = metrics.stringWidth(label);
      float baseline =
          (float) (bar.getCenterY() + (metrics.getAscent() - metrics.getDescent()) / 2.0);
      boolean inside =
          column < values.length
              && values[column] >= LABEL_INSIDE_FROM
              && bar.getWidth() >= textWidth + 2 * LABEL_PADDING
              && bar.getHeight() >= metrics.getAscent();
      if (inside) {
        g2.setPaint(Style.textOn(colour));
        g2.drawString(label, (float) (bar.getMaxX() - LABEL_PADDING - textWidth), baseline);
      } else {
        g2.setPaint(Style.TEXT);
        g2.drawString(label, (float) (bar.getMaxX() + LABEL_PADDING), baseline);
      }
    }
  }

  /** Flat, outlined interval bars whose fill can differ item by item. */
  private static final class SpanRenderer extends XYBarRenderer {

    private static final long serialVersionUID = 1L;

    private final transient List<List<Color>> fills;

    SpanRenderer(List<List<Color>> fills) {
      this.fills = fills.stream().map(List::copyOf).toList();
      setUseYInterval(true);
      setBarPainter(new StandardXYBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(true);
      setDefaultOutlinePaint(Color.WHITE);
      setDefaultOutlineStroke(new BasicStroke(1f));
      setMargin(0.0);
      setLegendBar(new Rectangle2D.Double(-6, -6, 12, 12));
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      if (row < fills.size() && column < fills.get(row).size()) {
        return fills.get(row).get(column);
      }
      return super.getItemPaint(row, column);
    }
  }
}
