package dev.earshot.classify.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class SpectralTest {

  private final Spectral spectral = new Spectral(FeatureSettings.DEFAULT);

  /** The frame golden/make-golden.py builds: two partials and a wrapped ramp. */
  static float[] knownFrame() {
    float[] x = new float[512];
    for (int n = 0; n < x.length; n++) {
      x[n] =
          (float)
              (0.5 * Math.sin(2 * Math.PI * 440 * n / 16000.0)
                  + 0.25 * Math.sin(2 * Math.PI * 1234.5 * n / 16000.0 + 0.3)
                  + 0.1 * (((n * 7919L) % 101) / 50.0 - 1.0));
    }
    return x;
  }

  private static JsonNode golden() throws IOException {
    try (InputStream in = SpectralTest.class.getResourceAsStream("golden/frame.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void spectralShapeOfAKnownFrameMatchesNumpy() throws IOException {
    JsonNode golden = golden();
    double[] power = spectral.powerSpectrum(knownFrame());
    double centroid = spectral.centroid(power);

    assertThat(centroid).isCloseTo(golden.get("centroid").asDouble(), within(1e-6));
    assertThat(spectral.bandwidth(power, centroid))
        .isCloseTo(golden.get("bandwidth").asDouble(), within(1e-6));
    assertThat(spectral.rolloff(power)).isEqualTo(golden.get("rolloff").asDouble());
    assertThat(spectral.flatness(power)).isCloseTo(golden.get("flatness").asDouble(), within(1e-9));
  }

  @Test
  void logMelAndMfccOfAKnownFrameMatchNumpy() throws IOException {
    JsonNode golden = golden();
    double[] logMel = spectral.logMel(spectral.powerSpectrum(knownFrame()));
    double[] mfcc = spectral.mfcc(logMel);

    assertThat(logMel).hasSize(golden.get("logMel").size());
    for (int m = 0; m < logMel.length; m++) {
      assertThat(logMel[m])
          .as("mel band %d", m)
          .isCloseTo(golden.get("logMel").get(m).asDouble(), within(1e-4));
    }
    assertThat(mfcc).hasSize(13);
    for (int k = 0; k < mfcc.length; k++) {
      assertThat(mfcc[k])
          .as("mfcc %d", k)
          .isCloseTo(golden.get("mfcc").get(k).asDouble(), within(1e-4));
    }
  }

  @Test
  void silentFrameHasZeroCentroidAndFloorEnergies() {
    double[] power = spectral.powerSpectrum(new float[512]);

    assertThat(spectral.centroid(power)).isZero();
    assertThat(spectral.rolloff(power)).isZero();
    assertThat(spectral.logMel(power)).containsOnly(-100.0);
  }

  @Test
  void rejectsAFrameOfTheWrongLength() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> spectral.powerSpectrum(new float[100]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 samples, expected 512");
  }
}
