package dev.earshot.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

  @Test
  void aPercentileIsTheSmallestValueAtOrAboveItsRank() {
    List<Double> five = List.of(129.0, 104.0, 148.0, 71.0, 120.0);

    assertThat(BenchCommand.percentile(five, 50)).isEqualTo(120.0);
    assertThat(BenchCommand.percentile(five, 100)).isEqualTo(148.0);
    assertThat(BenchCommand.percentile(List.of(4.0, 1.0, 3.0, 2.0), 50)).isEqualTo(2.0);
    assertThat(BenchCommand.percentile(List.of(), 50)).isNaN();
  }
}
