package dev.earshot.whisper;

import java.util.Arrays;
import java.util.List;

/**
 * Word error rate: substitutions, deletions and insertions needed to turn the hypothesis into the
 * reference, over the number of reference words (word-level Levenshtein distance, by {@link
 * WordDiff}).
 */
public final class WordErrorRate {

  private WordErrorRate() {}

  /** Edits and reference length of one utterance; add them up for a corpus WER. */
  public record Count(int edits, int referenceWords) {
    /**
     * (S + D + I) / N; 0 for two empty texts, and NaN when the reference has no words but the
     * hypothesis has: there is nothing to divide by.
     */
    public double rate() {
      if (referenceWords == 0) {
        return edits == 0 ? 0 : Double.NaN;
      }
      return edits / (double) referenceWords;
    }

    public Count plus(Count other) {
      return new Count(edits + other.edits, referenceWords + other.referenceWords);
    }
  }

  /** Counts edits between normalised word sequences (split on white space). */
  public static Count count(String reference, String hypothesis) {
    return WordDiff.of(words(reference), words(hypothesis)).count();
  }

  private static List<String> words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }
}
