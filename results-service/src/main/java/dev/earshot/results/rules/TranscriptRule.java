package dev.earshot.results.rules;

import dev.earshot.schema.result.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sets a label from what was said, optionally only when an audio classifier agrees: for example
 * "can't hear" when the transcript contains "can't hear you" and sound-type says speech with at
 * least 0.5.
 *
 * @param classifier the classifier whose probability gates the rule; empty: the transcript alone
 * @param classLabel that classifier's label whose probability must reach {@code minProbability}
 * @param override whether the rule's label replaces the predicted label (else it is only listed)
 */
public record TranscriptRule(
    String label,
    Pattern pattern,
    Optional<String> classifier,
    Optional<String> classLabel,
    double minProbability,
    boolean override) {

  public TranscriptRule {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a transcript rule needs a label");
    }
    if (classifier.isPresent() != classLabel.isPresent()) {
      throw new IllegalArgumentException(
          "rule '" + label + "': classifier and class must be given together");
    }
    if (!(minProbability >= 0 && minProbability <= 1)) {
      throw new IllegalArgumentException(
          "rule '" + label + "': min-probability must be within [0, 1], not " + minProbability);
    }
  }

  /** A case-insensitive pattern that matches any of the words or phrases as whole words. */
  public static Pattern keywords(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("keywords must not be empty");
    }
    String alternatives =
        words.stream().map(String::strip).map(Pattern::quote).collect(Collectors.joining("|"));
    return Pattern.compile(
        "(?<!\\w)(?:" + alternatives + ")(?!\\w)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * @return the rule's confidence when it fires (the gating probability, or 1 without a gate)
   */
  public Optional<Double> evaluate(String transcript, Map<String, Verdict> verdicts) {
    if (transcript == null || !pattern.matcher(normalise(transcript)).find()) {
      return Optional.empty();
    }
    if (classifier.isEmpty()) {
      return Optional.of(1.0);
    }
    Verdict verdict = verdicts.get(classifier.get());
    if (verdict == null) {
      return Optional.empty();
    }
    double p = verdict.probabilities().getOrDefault(classLabel.get(), 0.0);
    return p >= minProbability ? Optional.of(p) : Optional.empty();
  }

  // Whisper writes typographic apostrophes now and then; rules are written with plain ones.
  private static String normalise(String text) {
    return text.replace('\u2019', '\'').replace('\u2018', '\'');
  }
}
