package dev.earshot.results.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PicturesTest {

  private static final int RATE = 16000;
  private static final Path OUT = Path.of("target", "pictures");
  private static final int WHITE = 0xFFFFFFFF;

  @BeforeAll
  static void createOutputFolder() throws IOException {
    Files.createDirectories(OUT);
  }

  /**
   * A minute in 10 s chunks: a 1 kHz tone throughout, a chirp from 200 Hz to 6 kHz, speech-like
   * bursts of noise from 20 s to 40 s, and faint hiss.
   */
  static List<SpectrogramSketch> minute() {
    List<SpectrogramSketch> chunks = new ArrayList<>();
    Random random = new Random(11);
    double phase = 0;
    for (int c = 0; c < 6; c++) {
      float[] audio = new float[10 * RATE];
      for (int i = 0; i < audio.length; i++) {
        double t = c * 10 + (double) i / RATE;
        double chirpHz = 200 + (6000 - 200) * t / 60;
        phase += 2 * Math.PI * chirpHz / RATE;
        double burst = t >= 20 && t < 40 && (t % 1.0) < 0.4 ? 0.1 * random.nextGaussian() : 0.0;
        audio[i] =
            (float)
                (0.2 * Math.sin(2 * Math.PI * 1000 * t)
                    + 0.2 * Math.sin(phase)
                    + burst
                    + 0.0005 * random.nextGaussian());
      }
      chunks.add(SpectrogramSketch.of(audio, RATE, c * 10.0));
    }
    return chunks;
  }

  static Timeline timeline() {
    List<LabelSpan> labels = new ArrayList<>();
    String[] sound = {"speech", "speech", "music", "music", "music", "speech", "other", "speech"};
    double[] confidence = {0.95, 0.9, 0.6, 0.8, 0.85, 0.7, 0.4, 0.92};
    for (int i = 0; i < sound.length; i++) {
      labels.add(new LabelSpan("sound-type", i * 5, i * 5 + 5, sound[i], confidence[i]));
    }
    String[] digits = {"three", "seven", "seven", "one", "nine"};
    for (int i = 0; i < digits.length; i++) {
      labels.add(new LabelSpan("digits", i * 8, i * 8 + 6, digits[i], 0.5 + 0.1 * i));
    }
    labels.add(new LabelSpan("speaker", 0, 18, "alice", 0.9));
    labels.add(new LabelSpan("speaker", 25, 40, "bob", 0.8));
    List<TextSpan> transcript =
        List.of(
            new TextSpan(0.4, 4.8, "Hello and welcome to the Earshot demo."),
            new TextSpan(5.2, 9.6, "Today we talk about streaming speech recognition on Kafka."),
            new TextSpan(25.0, 31.0, "Three seven seven one nine."),
            new TextSpan(35.0, 36.0, "Thanks."));
    return new Timeline(40.0, labels, transcript);
  }

  static List<ProbabilityBar> bars() {
    List<ProbabilityBar> bars = new ArrayList<>();
    bars.add(new ProbabilityBar("sound-type", "speech", 0.9));
    bars.add(new ProbabilityBar("sound-type", "music", 0.05));
    bars.add(new ProbabilityBar("sound-type", "other", 0.05));
    double[] digits = {0.01, 0.02, 0.03, 0.61, 0.04, 0.05, 0.02, 0.18, 0.02, 0.02};
    for (int d = 0; d < digits.length; d++) {
      bars.add(new ProbabilityBar("digits", Integer.toString(d), digits[d]));
    }
    return bars;
  }

  private static BufferedImage decode(byte[] png, String name) {
    try {
      Files.write(OUT.resolve(name + ".png"), png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).as("decoded %s", name).isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int distinctColours(BufferedImage image, Rectangle2D area) {
    Set<Integer> colours = new HashSet<>();
    for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
      for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static double inkFraction(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        ink += image.getRGB(x, y) == WHITE ? 0 : 1;
      }
    }
    return (double) ink / (image.getWidth() * image.getHeight());
  }

  private static Rectangle2D whole(BufferedImage image) {
    return new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight());
  }

  private static double luminance(int rgb) {
    return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
  }

  @Test
  void spectrogramOfAMinuteShowsItsTonesAndHasTheSizeAskedFor() {
    byte[] png = Pictures.spectrogram(minute(), "Spectrogram: recording 42", 1000, 420);

    BufferedImage image = decode(png, "spectrogram");

    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(420);
    assertThat(distinctColours(image, whole(image))).isGreaterThan(100);
    assertThat(inkFraction(image)).isGreaterThan(0.3);
  }

  @Test
  void spectrogramDataAreaIsBrightAtTheToneAndNotUniform() {
    JFreeChart chart = Pictures.spectrogramChart(minute(), "tones");
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage image = chart.createBufferedImage(1000, 420, info);
    Rectangle2D area = info.getPlotInfo().getDataArea();
    XYPlot plot = chart.getXYPlot();

    double x = plot.getDomainAxis().valueToJava2D(5.0, area, RectangleEdge.BOTTOM);
    double toneY = yOf(plot, 1000, area);
    double quietY = yOf(plot, 7000, area);
    double tone = luminance(image.getRGB((int) x, (int) toneY));
    double quiet = luminance(image.getRGB((int) x, (int) quietY));

    assertThat(tone).isGreaterThan(quiet + 100);
    Rectangle2D inner =
        new Rectangle2D.Double(
            area.getX() + 2, area.getY() + 2, area.getWidth() - 4, area.getHeight() - 4);
    assertThat(distinctColours(image, inner)).isGreaterThan(50);
    double mean = 0;
    double meanSquare = 0;
    int n = 0;
    for (int y = (int) inner.getMinY(); y < inner.getMaxY(); y += 3) {
      for (int px = (int) inner.getMinX(); px < inner.getMaxX(); px += 3) {
        double l = luminance(image.getRGB(px, y));
        mean += l;
        meanSquare += l * l;
        n++;
      }
    }
    mean /= n;
    double spread = Math.sqrt(meanSquare / n - mean * mean);
    assertThat(spread).isGreaterThan(20);
  }

  private static double yOf(XYPlot plot, double hz, Rectangle2D area) {
    double mel = 2595 * Math.log10(1 + hz / 700);
    return plot.getRangeAxis().valueToJava2D(mel, area, RectangleEdge.LEFT);
  }

  @Test
  void spectrogramLeavesGapsBlank() {
    List<SpectrogramSketch> chunks = minute();
    List<SpectrogramSketch> gappy = List.of(chunks.get(4), chunks.get(0), chunks.get(5));
    JFreeChart chart = Pictures.spectrogramChart(gappy, "gap from 10 s to 40 s");
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage image = chart.createBufferedImage(900, 400, info);
    Rectangle2D area = info.getPlotInfo().getDataArea();
    XYPlot plot = chart.getXYPlot();
    decode(Pictures.spectrogram(gappy, "Spectrogram with a gap (10-40 s)", 900, 400), "gap");

    int gapX = (int) plot.getDomainAxis().valueToJava2D(25.0, area, RectangleEdge.BOTTOM);
    int dataX = (int) plot.getDomainAxis().valueToJava2D(45.0, area, RectangleEdge.BOTTOM);
    int y = (int) area.getCenterY();

    assertThat(image.getRGB(gapX, y)).isEqualTo(WHITE);
    assertThat(image.getRGB(dataX, y)).isNotEqualTo(WHITE);
  }

  @Test
  void probabilitiesDrawOneBlockPerClassifier() {
    byte[] png = Pictures.probabilities(bars(), "Class probabilities", 800, 500);

    BufferedImage image = decode(png, "probabilities");

    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(500);
    assertThat(inkFraction(image)).isGreaterThan(0.05);
    assertThat(distinctColours(image, whole(image))).isGreaterThan(10);
  }

  @Test
  void timelineDrawsLanesAndTranscript() {
    byte[] png = Pictures.timeline(timeline(), "Timeline", 1000, 360);

    BufferedImage image = decode(png, "timeline");

    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(360);
    assertThat(inkFraction(image)).isGreaterThan(0.1);
    assertThat(distinctColours(image, whole(image))).isGreaterThan(20);
  }

  @Test
  void emptyInputStillGivesPictures() {
    List<BufferedImage> images =
        List.of(
            decode(Pictures.spectrogram(List.of(), "Spectrogram", 600, 300), "empty-spectrogram"),
            decode(Pictures.spectrogram(null, null, 600, 300), "null-spectrogram"),
            decode(
                Pictures.spectrogram(
                    List.of(SpectrogramSketch.of(new float[10], RATE, 0)), "t", 600, 300),
                "no-frames-spectrogram"),
            decode(Pictures.probabilities(List.of(), "Probabilities", 600, 300), "empty-bars"),
            decode(Pictures.probabilities(null, null, 600, 300), "null-bars"),
            decode(
                Pictures.timeline(new Timeline(0, List.of(), List.of()), "Timeline", 600, 300),
                "empty-timeline"),
            decode(Pictures.timeline(new Timeline(30, null, null), null, 600, 300), "null-lists"),
            decode(Pictures.timeline(null, null, 600, 300), "null-timeline"));

    for (BufferedImage image : images) {
      assertThat(image.getWidth()).isEqualTo(600);
      assertThat(image.getHeight()).isEqualTo(300);
      assertThat(inkFraction(image)).isGreaterThan(0.005);
    }
  }

  @Test
  void transcriptAloneWorks() {
    Timeline words =
        new Timeline(12, List.of(), List.of(new TextSpan(1, 11, "only a transcript here")));

    BufferedImage image =
        decode(Pictures.timeline(words, "Transcript only", 500, 200), "transcript-only");

    assertThat(inkFraction(image)).isGreaterThan(0.05);
  }

  @Test
  void smallAndMediumSizesWork() {
    for (int[] size : new int[][] {{100, 100}, {420, 260}}) {
      int w = size[0];
      int h = size[1];
      String suffix = w + "x" + h;
      List<BufferedImage> images =
          List.of(
              decode(Pictures.spectrogram(minute(), "Spectrogram", w, h), "spectrogram-" + suffix),
              decode(Pictures.probabilities(bars(), "Probabilities", w, h), "bars-" + suffix),
              decode(Pictures.timeline(timeline(), "Timeline", w, h), "timeline-" + suffix));
      for (BufferedImage image : images) {
        assertThat(image.getWidth()).isEqualTo(w);
        assertThat(image.getHeight()).isEqualTo(h);
        assertThat(inkFraction(image)).isGreaterThan(0.05);
      }
    }
  }

  @Test
  void rejectsSizesBelow100Pixels() {
    assertThatThrownBy(() -> Pictures.spectrogram(List.of(), "x", 99, 300))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width")
        .hasMessageContaining("99");
    assertThatThrownBy(() -> Pictures.probabilities(List.of(), "x", 300, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("height")
        .hasMessageContaining("42");
    assertThatThrownBy(() -> Pictures.timeline(null, "x", -5, 300))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
  }
}
