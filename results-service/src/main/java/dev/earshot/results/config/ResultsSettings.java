package dev.earshot.results.config;

import dev.earshot.results.join.JoinSettings;
import dev.earshot.results.rules.RuleSet;
import dev.earshot.results.rules.TranscriptRule;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns the configuration into checked settings; fails early with a message naming the value. */
public final class ResultsSettings {

  private ResultsSettings() {}

  public static JoinSettings join(ResultsConfig config) {
    List<String> classifiers =
        config.classifiers().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new JoinSettings(
        classifiers,
        config.primaryClassifier(),
        config.incompleteTimeout(),
        config.scanInterval(),
        config.retention(),
        rules(config.rules()),
        config.backlogTimeout());
  }

  static RuleSet rules(Map<String, ResultsConfig.Rule> rules) {
    return new RuleSet(
        rules.entrySet().stream()
            .sorted(
                Comparator.comparingInt(
                        (Map.Entry<String, ResultsConfig.Rule> e) -> e.getValue().order())
                    .thenComparing(Map.Entry::getKey))
            .map(e -> rule(e.getKey(), e.getValue()))
            .toList());
  }

  private static TranscriptRule rule(String name, ResultsConfig.Rule rule) {
    String where = "results.rules." + name;
    if (rule.pattern().isPresent() == rule.keywords().isPresent()) {
      throw new IllegalArgumentException(where + ": give either pattern or keywords, not both");
    }
    Pattern pattern;
    try {
      pattern =
          rule.pattern().isPresent()
              ? Pattern.compile(rule.pattern().get())
              : TranscriptRule.keywords(rule.keywords().get());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          where + ".pattern is not a regular expression: " + e.getMessage(), e);
    }
    try {
      return new TranscriptRule(
          rule.label(),
          pattern,
          rule.classifier(),
          rule.classLabel(),
          rule.minProbability(),
          rule.override());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
