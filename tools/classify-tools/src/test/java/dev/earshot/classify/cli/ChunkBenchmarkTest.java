package dev.earshot.classify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChunkBenchmarkTest {

  @Test
  void printsTheTimeOfEachChunkLengthSplitIntoFeaturesAndInference() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          new CommandLine(new BenchCommand())
              .execute("--chunks", "--repeats", "1", "--classifier", "builtin:sound-type");
    } finally {
      System.setOut(original);
    }

    assertThat(exit).isZero();
    List<String> rows =
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.matches("\\s+\\d+ s .*"))
            .toList();
    assertThat(rows).hasSize(3);
    for (int i = 0; i < 3; i++) {
      double[] figures =
          Arrays.stream(rows.get(i).trim().split("\\s+"))
              .filter(f -> !f.equals("s"))
              .mapToDouble(Double::parseDouble)
              .toArray();
      assertThat(figures[0]).isEqualTo(ChunkBenchmark.SECONDS[i]);
      // The embedding runs for every chunk, so features take time; the whole is their sum with
      // inference, give or take the rounding of each median.
      assertThat(figures[2]).isPositive();
      assertThat(figures[1]).isGreaterThanOrEqualTo(figures[2] - 1);
      assertThat(figures[4]).as("DSP features alone").isLessThanOrEqualTo(figures[2]);
    }
  }
}
