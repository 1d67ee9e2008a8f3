package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MelFilterbankTest {

  @ParameterizedTest(name = "{0} mels")
  @ValueSource(ints = {80, 128})
  void matchesTheNumpySlaneyFilterbank(int mels) {
    LogMelGolden.Filters golden = LogMelGolden.filters(mels);

    double[][] dense = MelFilterbank.slaney(mels, 400, 16000).dense();

    assertThat(dense).hasNumberOfRows(golden.mels());
    for (int i = 0; i < golden.rows().length; i++) {
      assertThat(dense[golden.rows()[i]])
          .as("filter %d", golden.rows()[i])
          .hasSize(golden.bins())
          .containsExactly(golden.weights()[i], within(1e-12));
    }
  }

  @ParameterizedTest(name = "{0} mels")
  @ValueSource(ints = {80, 128})
  void filterPeaksRiseWithMelIndexAndNoFilterIsEmpty(int mels) {
    double[][] dense = MelFilterbank.slaney(mels, 400, 16000).dense();

    int previousPeak = 0;
    for (int m = 0; m < mels; m++) {
      int peak = 0;
      for (int k = 1; k < dense[m].length; k++) {
        if (dense[m][k] > dense[m][peak]) {
          peak = k;
        }
      }
      assertThat(dense[m][peak]).as("filter %d", m).isPositive();
      assertThat(peak).as("filter %d", m).isGreaterThanOrEqualTo(previousPeak);
      previousPeak = peak;
    }
    assertThat(previousPeak).isGreaterThan(190);
  }

  @ParameterizedTest(name = "{0} mels")
  @ValueSource(ints = {80, 128})
  void applyingTheSparseFiltersEqualsTheDenseProduct(int mels) {
    MelFilterbank filters = MelFilterbank.slaney(mels, 400, 16000);
    double[][] dense = filters.dense();
    double[] power = new double[filters.bins()];
    for (int k = 0; k < power.length; k++) {
      power[k] = 1.0 + Math.sin(k * 0.37) * 0.5;
    }

    for (int m = 0; m < mels; m++) {
      double expected = 0;
      for (int k = 0; k < power.length; k++) {
        expected += dense[m][k] * power[k];
      }
      assertThat(filters.apply(m, power)).isCloseTo(expected, within(1e-12));
    }
  }

  @ParameterizedTest(name = "{0} Hz")
  @ValueSource(doubles = {0, 440, 999.5, 1000, 4321, 8000})
  void melScaleRoundTripsThroughHertz(double hz) {
    assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(hz))).isCloseTo(hz, within(1e-9));
  }
}
