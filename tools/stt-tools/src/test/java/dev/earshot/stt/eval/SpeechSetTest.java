package dev.earshot.stt.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpeechSetTest {

  @Test
  void everyShortClipNamesAKnownSourceAFileAndItsWords() throws Exception {
    List<String> lines;
    try (var reader =
        new BufferedReader(
            new InputStreamReader(
                SpeechSet.class.getResourceAsStream("short-speech.tsv"), StandardCharsets.UTF_8))) {
      lines = reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    assertThat(lines).hasSizeGreaterThan(250);
    assertThat(lines)
        .allSatisfy(
            line -> {
              String[] f = line.split("\t");
              assertThat(f).as(line).hasSize(3);
              assertThat(f[0]).isIn("ktuberling", "scid", "warzone2100");
              assertThat(f[1]).as(line).matches("[\\w./-]+\\.(ogg|wav)");
              assertThat(f[2]).as(line).matches("[A-Za-z][A-Za-z '.!?,-]*");
            });
  }

  @Test
  void aSourceIsThinnedEvenlyThroughItsList() {
    List<Integer> hundred = IntStream.range(0, 100).boxed().toList();

    assertThat(SpeechSet.spread(hundred, 4)).containsExactly(0, 25, 50, 75);
    assertThat(SpeechSet.spread(hundred, 200)).isSameAs(hundred);
  }
}
