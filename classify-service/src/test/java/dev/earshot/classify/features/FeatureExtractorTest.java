package dev.earshot.classify.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private static final int RATE = 16_000;
  private final FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.DEFAULT);

  @Test
  void a440HzToneHasPitchAndCentroidAt440() {
    ChunkFeatures features = extractor.extract(Signals.sine(440, RATE, 2 * RATE, 0.5));

    FeatureVector v = features.summary();
    assertThat(v.value("pitch.p50")).isCloseTo(440f, within(440f * 0.01f));
    assertThat(v.value("voiced.fraction")).isGreaterThan(0.95f);
    assertThat(v.value("centroid.p50")).isCloseTo(440f, within(440f * 0.05f));
    assertThat(v.value("flatness.p50")).isLessThan(0.01f);
    // A sine of amplitude a has RMS a / sqrt(2).
    assertThat(v.value("rms.p50")).isCloseTo((float) (0.5 / Math.sqrt(2)), within(0.01f));
    // Two zero crossings per period: 2 * 440 / 16000 per sample.
    assertThat(v.value("zcr.p50")).isCloseTo(2 * 440f / RATE, within(0.005f));
  }

  @Test
  void whiteNoiseIsFlatUnvoicedAndBright() {
    ChunkFeatures features = extractor.extract(Signals.noise(7, 2 * RATE, 0.5));

    FeatureVector v = features.summary();
    // Flatness of white noise's power spectrum: exp(-Euler's gamma) = 0.56 in expectation.
    assertThat(v.value("flatness.mean")).isBetween(0.45f, 0.65f);
    assertThat(v.value("voiced.fraction")).isLessThan(0.2f);
    assertThat(v.value("centroid.mean")).isBetween(3500f, 4500f);
    assertThat(v.value("zcr.mean")).isBetween(0.4f, 0.6f);
  }

  @Test
  void silenceHasZeroEnergyAndNoPitchOrOnsets() {
    ChunkFeatures features = extractor.extract(new float[RATE]);

    FeatureVector v = features.summary();
    assertThat(v.value("rms.mean")).isZero();
    assertThat(v.value("rms.p90")).isZero();
    assertThat(v.value("voiced.fraction")).isZero();
    assertThat(v.value("onset.rate")).isZero();
    assertThat(v.value("mel0.mean")).isEqualTo(-100f);
  }

  @Test
  void clicksGiveOnsetsNearTheirTimes() {
    float[] x = new float[3 * RATE];
    for (int second = 0; second < 3; second++) {
      int at = second * RATE + RATE / 2;
      float[] burst = Signals.noise(second, 800, 0.8);
      for (int i = 0; i < burst.length; i++) {
        // A decaying burst, like a drum hit.
        x[at + i] = (float) (burst[i] * Math.exp(-i / 150.0));
      }
    }
    ChunkFeatures features = extractor.extract(x);

    assertThat(features.onsetSeconds()).isNotEmpty();
    for (double expected : new double[] {0.5, 1.5, 2.5}) {
      assertThat(Arrays.stream(features.onsetSeconds()).boxed())
          .as("an onset near %.1f s", expected)
          .anySatisfy(t -> assertThat(t).isCloseTo(expected, within(0.06)));
    }
    assertThat(features.summary().value("onset.rate")).isBetween(0.9f, 1.5f);
  }

  @Test
  void seriesShareOneFrameGridAndTheSummaryHasAFixedLength() {
    ChunkFeatures shortChunk = extractor.extract(Signals.sine(300, RATE, 100, 0.5));
    ChunkFeatures longChunk = extractor.extract(Signals.speechLike(3, RATE, 10 * RATE));

    assertThat(shortChunk.frames()).isEqualTo(1);
    assertThat(longChunk.frames()).isBetween(10 * RATE / 256 - 2, 10 * RATE / 256 + 2);
    for (ChunkFeatures.Series s : longChunk.series()) {
      assertThat(s.values()).as(s.name()).hasSize(longChunk.frames());
    }
    assertThat(longChunk.mfcc()).hasNumberOfRows(longChunk.frames());
    assertThat(longChunk.hopSeconds()).isEqualTo(0.016);
    assertThat(shortChunk.summary().names()).isEqualTo(extractor.featureNames());
    assertThat(longChunk.summary().size()).isEqualTo(extractor.featureNames().size());
    for (float v : longChunk.summary().values()) {
      assertThat(Float.isFinite(v)).isTrue();
    }
  }

  @Test
  void deltasOfALinearRampAreItsSlopeAwayFromTheEdges() {
    float[][] ramp = new float[10][1];
    for (int t = 0; t < ramp.length; t++) {
      ramp[t][0] = 3f * t;
    }
    float[][] d = FeatureExtractor.deltas(ramp);

    for (int t = 2; t < 8; t++) {
      assertThat(d[t][0]).isCloseTo(3f, within(1e-5f));
    }
    // At the edges the repeated first frame flattens the slope: (1*(3-0) + 2*(6-0)) / 10.
    assertThat(d[0][0]).isCloseTo(1.5f, within(1e-5f));
  }

  @Test
  void rejectsEmptyAndNonFiniteAudio() {
    assertThatThrownBy(() -> extractor.extract(new float[0])).hasMessageContaining("0 samples");
    float[] x = new float[1000];
    x[10] = Float.NaN;
    assertThatThrownBy(() -> extractor.extract(x)).hasMessageContaining("sample 10");
  }

  @Test
  void settingsRejectAPitchFloorTheFrameCannotHold() {
    assertThatThrownBy(() -> new FeatureSettings(16_000, 512, 256, 64, 13, 0.85, 30.0, 1000.0))
        .hasMessageContaining("minPitchHz 30.0");
  }
}
