package dev.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"90, 90", "90s, 90", "1.5m, 90", "1h, 3600", "250ms, 0.25", " 2M , 120"})
  void humanDurationsBecomeSeconds(String text, double seconds) {
    assertThat(Durations.parseSeconds(text)).isEqualTo(seconds);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-3s", "0", "soon", "1d", "NaN"})
  void nonsenseIsRejectedQuotingTheInput(String text) {
    assertThatThrownBy(() -> Durations.parseSeconds(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void infinityIsNotADuration() {
    assertThatThrownBy(() -> Durations.parseSeconds("Infinity"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
