package dev.earshot.results.rules;

import dev.earshot.schema.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured transcript rules, applied in order. */
public record RuleSet(List<TranscriptRule> rules) {

  public static final RuleSet NONE = new RuleSet(List.of());

  public RuleSet {
    rules = List.copyOf(rules);
  }

  /** A rule that fired, with its confidence. */
  public record Fired(String label, double confidence, boolean override) {}

  public List<Fired> apply(String transcript, Map<String, Verdict> verdicts) {
    List<Fired> fired = new ArrayList<>();
    for (TranscriptRule rule : rules) {
      Optional<Double> confidence = rule.evaluate(transcript, verdicts);
      confidence.ifPresent(c -> fired.add(new Fired(rule.label(), c, rule.override())));
    }
    return fired;
  }
}
