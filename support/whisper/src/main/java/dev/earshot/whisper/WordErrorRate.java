package dev.earshot.whisper;

import java.util.Arrays;
import java.util.List;

/**
 * Word error rate: substitutions, deletions and insertions needed to turn the hypothesis into the
 * reference, over the number of reference words (word-level Levenshtein distance).
 */
public final class WordErrorRate {

  private WordErrorRate() {}

  /** Edits and reference length of one utterance; add them up for a corpus WER. */
  public record Count(int edits, int referenceWords) {
    public double rate() {
      return referenceWords == 0 ? (edits == 0 ? 0 : 1) : edits / (double) referenceWords;
    }

    public Count plus(Count other) {
      return new Count(edits + other.edits, referenceWords + other.referenceWords);
    }
  }

  /** Counts edits between normalised word sequences (split on white space). */
  public static Count count(String reference, String hypothesis) {
    List<String> ref = words(reference);
    List<String> hyp = words(hypothesis);
    int[] previous = new int[hyp.size() + 1];
    int[] current = new int[hyp.size() + 1];
    for (int j = 0; j <= hyp.size(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= ref.size(); i++) {
      current[0] = i;
      for (int j = 1; j <= hyp.size(); j++) {
        int substitution = previous[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return new Count(previous[hyp.size()], ref.size());
  }

  private static List<String> words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }
}
