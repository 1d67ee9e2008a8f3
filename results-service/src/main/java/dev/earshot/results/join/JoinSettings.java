package dev.earshot.results.join;

import dev.earshot.results.rules.RuleSet;
import java.time.Duration;
import java.util.List;

/**
 * How the join decides that a chunk or a recording is complete.
 *
 * @param expectedClassifiers classifiers whose verdict every chunk waits for (classify-service
 *     writes one record per chunk and classifier); others are shown but do not gate completeness
 * @param primaryClassifier the classifier behind the top-level {@code predicted_label}
 * @param incompleteTimeout how long a recording may go without news before it is reported
 *     INCOMPLETE (or FAILED, if ingest said so) with what has arrived
 * @param scanInterval how often the timeout and retention are checked (wall-clock time)
 * @param retention how long join state of a quiet recording is kept before it is deleted
 * @param backlogTimeout how long a recording waits for worker groups that have not got to its
 *     chunks yet before it is reported anyway
 */
public record JoinSettings(
    List<String> expectedClassifiers,
    String primaryClassifier,
    Duration incompleteTimeout,
    Duration scanInterval,
    Duration retention,
    RuleSet rules,
    Duration backlogTimeout) {

  public static final Duration DEFAULT_BACKLOG_TIMEOUT = Duration.ofHours(24);

  public JoinSettings(
      List<String> expectedClassifiers,
      String primaryClassifier,
      Duration incompleteTimeout,
      Duration scanInterval,
      Duration retention,
      RuleSet rules) {
    this(
        expectedClassifiers,
        primaryClassifier,
        incompleteTimeout,
        scanInterval,
        retention,
        rules,
        DEFAULT_BACKLOG_TIMEOUT);
  }

  public JoinSettings {
    expectedClassifiers = List.copyOf(expectedClassifiers);
    positive("incomplete-timeout", incompleteTimeout);
    positive("backlog-timeout", backlogTimeout);
    positive("scan-interval", scanInterval);
    positive("retention", retention);
    if (retention.compareTo(incompleteTimeout) < 0) {
      throw new IllegalArgumentException(
          "results.retention ("
              + retention
              + ") must not be shorter than results.incomplete-timeout ("
              + incompleteTimeout
              + ")");
    }
    if (primaryClassifier == null || primaryClassifier.isBlank()) {
      throw new IllegalArgumentException("results.primary-classifier must not be blank");
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("results." + name + " must be positive, not " + value);
    }
  }
}
