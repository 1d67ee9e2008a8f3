package dev.earshot.results.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectrogramSketchTest {

  private static final int RATE = 16000;

  static float[] sine(double hz, double seconds, double amplitude, int rate) {
    float[] out = new float[(int) Math.round(seconds * rate)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return out;
  }

  /** The band whose centre is nearest {@code hz}, from the HTK formula rather than the code. */
  private static int expectedBand(double hz, int bands, double maxHz) {
    double melMax = 2595 * Math.log10(1 + maxHz / 700);
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int b = 0; b < bands; b++) {
      double centreMel = (b + 1) * melMax / (bands + 1);
      double centreHz = 700 * (Math.pow(10, centreMel / 2595) - 1);
      double distance = Math.abs(centreHz - hz);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = b;
      }
    }
    return best;
  }

  private static double[] meanLevels(SpectrogramSketch s) {
    double[] mean = new double[s.bands()];
    for (int f = 0; f < s.frames(); f++) {
      for (int b = 0; b < s.bands(); b++) {
        mean[b] += s.level(f, b) / (double) s.frames();
      }
    }
    return mean;
  }

  private static int loudestBand(SpectrogramSketch s) {
    double[] mean = meanLevels(s);
    int best = 0;
    for (int b = 1; b < mean.length; b++) {
      if (mean[b] > mean[best]) {
        best = b;
      }
    }
    return best;
  }

  @Test
  void sineOf1kHzPeaksInTheBandCentredNearest1kHz() {
    SpectrogramSketch s = SpectrogramSketch.of(sine(1000, 1.0, 0.5, RATE), RATE, 0);

    assertThat(s.bands()).isEqualTo(64);
    assertThat(s.maxHz()).isEqualTo(8000.0);
    int expected = expectedBand(1000, 64, 8000);
    assertThat(loudestBand(s)).isEqualTo(expected);
    // Half amplitude is -6 dBFS; the band's triangle and the window's leakage cost a little more.
    double decibels = SpectrogramSketch.MIN_DB + meanLevels(s)[expected] * 100 / 255;
    assertThat(decibels).isBetween(-10.0, -4.0);
  }

  @Test
  void sineOf4kHzPeaksHigher() {
    SpectrogramSketch low = SpectrogramSketch.of(sine(1000, 1.0, 0.5, RATE), RATE, 0);
    SpectrogramSketch high = SpectrogramSketch.of(sine(4000, 1.0, 0.5, RATE), RATE, 0);

    assertThat(loudestBand(high)).isEqualTo(expectedBand(4000, 64, 8000));
    assertThat(loudestBand(high)).isGreaterThan(loudestBand(low) + 10);
  }

  @Test
  void otherRatesSpanUpToTheirNyquistFrequency() {
    int rate = 44100;
    SpectrogramSketch s = SpectrogramSketch.of(sine(1000, 1.0, 0.5, rate), rate, 0);

    assertThat(s.maxHz()).isEqualTo(22050.0);
    assertThat(s.hopSeconds()).isEqualTo(0.02);
    assertThat(s.frames()).isEqualTo(50);
    assertThat(loudestBand(s)).isEqualTo(expectedBand(1000, 64, 22050));
  }

  @Test
  void silenceStaysAtTheBottomOfTheScale() {
    SpectrogramSketch zeros = SpectrogramSketch.of(new float[RATE], RATE, 0);
    float[] hiss = new float[RATE];
    Random random = new Random(1);
    for (int i = 0; i < hiss.length; i++) {
      hiss[i] = (float) (1e-6 * random.nextGaussian());
    }
    SpectrogramSketch faint = SpectrogramSketch.of(hiss, RATE, 0);

    assertThat(zeros.levels()).containsOnly((byte) 0);
    for (byte level : faint.levels()) {
      // 1e-6 is -120 dBFS: below the floor of the scale.
      assertThat(level & 0xFF).isLessThan(20);
    }
  }

  @Test
  void tenSecondsGiveFiveHundredFramesOf20ms() {
    SpectrogramSketch s = SpectrogramSketch.of(sine(440, 10.0, 0.1, RATE), RATE, 30.0);

    assertThat(s.frames()).isEqualTo(500);
    assertThat(s.hopSeconds()).isEqualTo(0.02);
    assertThat(s.offsetSeconds()).isEqualTo(30.0);
    assertThat(s.levels()).hasSize(500 * 64);
  }

  @Test
  void emptyOrShorterThanOneWindowGivesNoFrames() {
    SpectrogramSketch empty = SpectrogramSketch.of(new float[0], RATE, 5.0);
    SpectrogramSketch shortInput = SpectrogramSketch.of(sine(1000, 0.03, 0.5, RATE), RATE, 5.0);

    assertThat(empty.frames()).isZero();
    assertThat(empty.levels()).isEmpty();
    assertThat(empty.bands()).isEqualTo(64);
    assertThat(shortInput.frames()).isZero();
    assertThat(SpectrogramSketch.fromBytes(empty.toBytes())).isEqualTo(empty);
  }

  @Test
  void rejectsRatesBelow8kHz() {
    assertThatThrownBy(() -> SpectrogramSketch.of(new float[100], 4000, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4000");
  }

  @Test
  void bytesRoundTrip() {
    SpectrogramSketch s = SpectrogramSketch.of(sine(1000, 2.0, 0.3, RATE), RATE, 12.5);

    byte[] bytes = s.toBytes();
    SpectrogramSketch back = SpectrogramSketch.fromBytes(bytes);

    assertThat(back).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(back.levels()).isEqualTo(s.levels());
    assertThat(bytes).hasSize(35 + 100 * 64);
  }

  @Test
  void isImmutable() {
    byte[] levels = new byte[64];
    SpectrogramSketch s = new SpectrogramSketch(0, 0.02, 64, 1, 8000, levels);

    levels[0] = 9;
    s.levels()[1] = 9;

    assertThat(s.level(0, 0)).isZero();
    assertThat(s.level(0, 1)).isZero();
  }

  @Test
  void rejectsGarbage() {
    byte[] good = SpectrogramSketch.of(sine(1000, 0.1, 0.3, RATE), RATE, 0).toBytes();
    byte[] random = new byte[200];
    new Random(7).nextBytes(random);
    random[0] = 0;
    byte[] version = good.clone();
    version[2] = 9;
    byte[] truncatedHeader = Arrays.copyOf(good, 20);
    byte[] truncatedLevels = Arrays.copyOf(good, good.length - 1);
    byte[] trailing = Arrays.copyOf(good, good.length + 1);
    byte[] negativeBands = good.clone();
    ByteBuffer.wrap(negativeBands).putInt(19, -3);

    assertRejected(new byte[0], "magic");
    assertRejected(random, "magic");
    assertRejected(version, "version 9");
    assertRejected(truncatedHeader, "truncated");
    assertRejected(truncatedLevels, "level bytes");
    assertRejected(trailing, "level bytes");
    assertRejected(negativeBands, "bands = -3");
  }

  private static void assertRejected(byte[] bytes, String problem) {
    assertThatThrownBy(() -> SpectrogramSketch.fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }
}
