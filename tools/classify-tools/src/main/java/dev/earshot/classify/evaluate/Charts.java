package dev.earshot.classify.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Renders an Evaluation or TrainingCurve into PNG charts of a fixed size with JFreeChart. */
final class Charts {

  static final int WIDTH = 900;
  static final int HEIGHT = 700;

  static {
    // Rendering needs no display; without this a server without X11 fails when AWT starts.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final Color LOW = Color.WHITE;
  private static final Color HIGH = new Color(8, 48, 107);

  private Charts() {}

  static void confusionMatrix(Evaluation e, Path path) throws IOException {
    List<String> labels = e.labels();
    int k = labels.size();
    int[][] counts = e.confusionMatrix();
    double[] xs = new double[k * k];
    double[] ys = new double[k * k];
    double[] zs = new double[k * k];
    XYPlot plot = new XYPlot();
    for (int t = 0; t < k; t++) {
      int support = 0;
      for (int count : counts[t]) {
        support += count;
      }
      for (int p = 0; p < k; p++) {
        int cell = t * k + p;
        xs[cell] = p;
        ys[cell] = t;
        // Colour by share of the true class so a minority class's errors are as visible as a
        // majority class's; the cell text still shows the raw count.
        zs[cell] = support == 0 ? 0 : (double) counts[t][p] / support;
        XYTextAnnotation text = new XYTextAnnotation(Integer.toString(counts[t][p]), p, t);
        text.setFont(new Font(Font.SANS_SERIF, Font.BOLD, k > 12 ? 10 : 16));
        text.setPaint(zs[cell] > 0.5 ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(text);
      }
    }
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries("counts", new double[][] {xs, ys, zs});
    String[] names = labels.toArray(new String[0]);
    SymbolAxis predicted = new SymbolAxis("Predicted", names);
    predicted.setRange(-0.5, k - 0.5);
    predicted.setGridBandsVisible(false);
    predicted.setVerticalTickLabels(k > 6);
    predicted.setTickLabelFont(tickFont(k));
    SymbolAxis truth = new SymbolAxis("True", names);
    truth.setRange(-0.5, k - 0.5);
    truth.setGridBandsVisible(false);
    truth.setTickLabelFont(tickFont(k));
    // Row 0 at the top, as in the text report.
    truth.setInverted(true);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new BlueScale());
    // Slightly smaller blocks leave white seams, so neighbouring cells of equal colour stay apart.
    renderer.setBlockWidth(0.97);
    renderer.setBlockHeight(0.97);
    plot.setDataset(dataset);
    plot.setDomainAxis(predicted);
    plot.setRangeAxis(truth);
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart =
        new JFreeChart("Confusion matrix", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.addSubtitle(
        new TextTitle(
            String.format(
                Locale.ROOT,
                "n = %d, accuracy = %s; cells show counts, colour shows share of the true class",
                e.n(),
                EvaluationReport.number(e.accuracy()))));
    save(chart, path);
  }

  private static Font tickFont(int labels) {
    return new Font(Font.SANS_SERIF, Font.PLAIN, labels > 12 ? 10 : 14);
  }

  static void roc(Evaluation e, Path path) throws IOException {
    XYSeriesCollection dataset = new XYSeriesCollection();
    List<String> undefined = new ArrayList<>();
    for (RocCurve curve : e.rocCurves()) {
      if (curve.size() == 0) {
        undefined.add(curve.label());
        continue;
      }
      XYSeries series =
          new XYSeries(
              String.format(
                  Locale.ROOT, "%s (AUC %s)", curve.label(), EvaluationReport.number(curve.auc())),
              false,
              true);
      double[] fpr = curve.fpr();
      double[] tpr = curve.tpr();
      for (int i = 0; i < fpr.length; i++) {
        series.add(fpr[i], tpr[i]);
      }
      dataset.addSeries(series);
    }
    XYSeries chance = new XYSeries("chance", false, true);
    chance.add(0, 0);
    chance.add(1, 1);
    dataset.addSeries(chance);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    int diagonal = dataset.getSeriesCount() - 1;
    renderer.setSeriesPaint(diagonal, Color.GRAY);
    renderer.setSeriesStroke(
        diagonal,
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
    for (int s = 0; s < diagonal; s++) {
      renderer.setSeriesStroke(s, new BasicStroke(2f));
    }
    NumberAxis x = new NumberAxis("False positive rate");
    x.setRange(0, 1);
    NumberAxis y = new NumberAxis("True positive rate");
    y.setRange(0, 1.0);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart =
        new JFreeChart("ROC (one vs rest)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    String subtitle = "macro AUC = " + EvaluationReport.number(e.macroRocAuc());
    if (!undefined.isEmpty()) {
      subtitle +=
          "; no curve (class absent or universal in truth): " + String.join(", ", undefined);
    }
    chart.addSubtitle(new TextTitle(subtitle));
    save(chart, path);
  }

  static void trainingCurves(TrainingCurve curve, Path path) throws IOException {
    XYSeriesCollection loss = new XYSeriesCollection();
    XYSeriesCollection accuracy = new XYSeriesCollection();
    XYSeries trainLoss = new XYSeries("train loss");
    XYSeries validationLoss = new XYSeries("validation loss");
    XYSeries trainAccuracy = new XYSeries("train accuracy");
    XYSeries validationAccuracy = new XYSeries("validation accuracy");
    for (TrainingCurve.Epoch epoch : curve.epochs()) {
      // Non-finite values become gaps in the line instead of distorting the axis range.
      addFinite(trainLoss, epoch.epoch(), epoch.trainLoss());
      addFinite(validationLoss, epoch.epoch(), epoch.validationLoss());
      addFinite(trainAccuracy, epoch.epoch(), epoch.trainAccuracy());
      addFinite(validationAccuracy, epoch.epoch(), epoch.validationAccuracy());
    }
    loss.addSeries(trainLoss);
    loss.addSeries(validationLoss);
    accuracy.addSeries(trainAccuracy);
    accuracy.addSeries(validationAccuracy);

    NumberAxis epochAxis = new NumberAxis("Epoch");
    epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    epochAxis.setAutoRangeIncludesZero(false);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
    plot.setGap(12);
    NumberAxis lossAxis = new NumberAxis("Loss");
    lossAxis.setAutoRangeIncludesZero(false);
    NumberAxis accuracyAxis = new NumberAxis("Accuracy");
    accuracyAxis.setRange(0, 1);
    plot.add(subplot(loss, lossAxis), 1);
    plot.add(subplot(accuracy, accuracyAxis), 1);
    JFreeChart chart = new JFreeChart("Training curves", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    save(chart, path);
  }

  private static XYPlot subplot(XYSeriesCollection data, NumberAxis rangeAxis) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, new Color(31, 119, 180));
    renderer.setSeriesPaint(1, new Color(255, 127, 14));
    XYPlot plot = new XYPlot(data, null, rangeAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static void addFinite(XYSeries series, int x, double y) {
    series.add(x, Double.isFinite(y) ? y : Double.NaN);
  }

  private static void save(JFreeChart chart, Path path) throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ChartUtils.saveChartAsPNG(path.toFile(), chart, WIDTH, HEIGHT);
  }

  /** Maps a share in [0, 1] linearly from white to dark blue. */
  private static final class BlueScale implements PaintScale {

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
      return new Color(
          mix(LOW.getRed(), HIGH.getRed(), v),
          mix(LOW.getGreen(), HIGH.getGreen(), v),
          mix(LOW.getBlue(), HIGH.getBlue(), v));
    }

    private static int mix(int a, int b, double v) {
      return (int) Math.round(a + (b - a) * v);
    }
  }
}
