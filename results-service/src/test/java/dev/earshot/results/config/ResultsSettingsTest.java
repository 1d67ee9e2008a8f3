package dev.earshot.results.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.results.rules.RuleSet;
import dev.earshot.schema.result.ModelInfo;
import dev.earshot.schema.result.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultsSettingsTest {

  record Rule(
      String label,
      Optional<String> pattern,
      Optional<List<String>> keywords,
      Optional<String> classifier,
      Optional<String> classLabel,
      double minProbability,
      boolean override,
      int order)
      implements ResultsConfig.Rule {}

  static final Map<String, Verdict> SPEECH =
      Map.of(
          "sound-type",
          new Verdict(
              "speech", 0.7, Map.of("speech", 0.7, "music", 0.3), null, new ModelInfo("m", "1")));

  @Test
  void rulesApplyInOrderAndKeywordsMatchWholeWordsOnly() {
    Map<String, ResultsConfig.Rule> rules = new LinkedHashMap<>();
    rules.put(
        "b-help",
        new Rule(
            "help",
            Optional.empty(),
            Optional.of(List.of("help")),
            Optional.empty(),
            Optional.empty(),
            0,
            true,
            2));
    rules.put(
        "a-hear",
        new Rule(
            "can't hear",
            Optional.of("(?i)can.?t hear"),
            Optional.empty(),
            Optional.of("sound-type"),
            Optional.of("speech"),
            0.5,
            true,
            1));
    RuleSet set = ResultsSettings.rules(rules);

    assertThat(set.apply("Help, I can't hear you", SPEECH))
        .extracting(RuleSet.Fired::label)
        .containsExactly("can't hear", "help");
    assertThat(set.apply("Help, I can't hear you", SPEECH).get(0).confidence()).isEqualTo(0.7);
    assertThat(set.apply("helpful people", SPEECH)).isEmpty();
  }

  @Test
  void badRulesFailNamingTheRule() {
    assertThatThrownBy(
            () ->
                ResultsSettings.rules(
                    Map.of(
                        "broken",
                        new Rule(
                            "x",
                            Optional.of("(unclosed"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            0,
                            true,
                            1))))
        .hasMessageContaining("results.rules.broken.pattern");
    assertThatThrownBy(
            () ->
                ResultsSettings.rules(
                    Map.of(
                        "both",
                        new Rule(
                            "x",
                            Optional.of("a"),
                            Optional.of(List.of("a")),
                            Optional.empty(),
                            Optional.empty(),
                            0,
                            true,
                            1))))
        .hasMessageContaining("results.rules.both")
        .hasMessageContaining("either pattern or keywords");
    assertThatThrownBy(
            () ->
                ResultsSettings.rules(
                    Map.of(
                        "gate",
                        new Rule(
                            "x",
                            Optional.of("a"),
                            Optional.empty(),
                            Optional.of("sound-type"),
                            Optional.empty(),
                            0,
                            true,
                            1))))
        .hasMessageContaining("results.rules.gate")
        .hasMessageContaining("classifier and class");
    assertThatThrownBy(
            () ->
                ResultsSettings.rules(
                    Map.of(
                        "p",
                        new Rule(
                            "x",
                            Optional.of("a"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            1.5,
                            true,
                            1))))
        .hasMessageContaining("min-probability")
        .hasMessageContaining("1.5");
  }
}
