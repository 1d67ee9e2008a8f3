package dev.earshot.whisper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A word-level alignment of a hypothesis against a reference (for a replay: the new transcript
 * against the old): the one word error rate of the project, also behind {@link WordErrorRate}.
 *
 * @param referenceWords words in the reference, as the caller split and normalised them
 * @param removed reference words the hypothesis lost or replaced, in order
 * @param added hypothesis words that were inserted or replaced reference words, in order
 */
public record WordDiff(
    int referenceWords,
    int substitutions,
    int deletions,
    int insertions,
    List<String> removed,
    List<String> added) {

  /** Beyond this many alignment cells, the word lists come from bags of words. */
  public static final long ALIGNMENT_CELLS = 20_000_000L;

  /** The edits and reference length, for word error rates over many utterances. */
  public WordErrorRate.Count count() {
    return new WordErrorRate.Count(substitutions + deletions + insertions, referenceWords);
  }

  /**
   * Word error rate: (S + D + I) / N. It exceeds 1 when the hypothesis adds more words than the
   * reference had, and is undefined (empty) when the reference has no words but the hypothesis has.
   */
  public Optional<Double> wer() {
    double rate = count().rate();
    return Double.isNaN(rate) ? Optional.empty() : Optional.of(rate);
  }

  /** {@link #of(List, List, long)} with {@link #ALIGNMENT_CELLS}. */
  public static WordDiff of(List<String> ref, List<String> hyp) {
    return of(ref, hyp, ALIGNMENT_CELLS);
  }

  /**
   * Aligns {@code hyp} against {@code ref} by word-level Levenshtein distance; beyond {@code
   * maxCells} table cells the counts come in linear memory and the word lists from bags of words.
   */
  public static WordDiff of(List<String> ref, List<String> hyp, long maxCells) {
    // A shared prefix and suffix are matches in some minimal alignment; a replay usually changes
    // a few words of a long transcript, so this keeps the table small.
    int prefix = 0;
    while (prefix < ref.size() && prefix < hyp.size() && ref.get(prefix).equals(hyp.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < ref.size() - prefix
        && suffix < hyp.size() - prefix
        && ref.get(ref.size() - 1 - suffix).equals(hyp.get(hyp.size() - 1 - suffix))) {
      suffix++;
    }
    List<String> r = ref.subList(prefix, ref.size() - suffix);
    List<String> h = hyp.subList(prefix, hyp.size() - suffix);
    if ((long) (r.size() + 1) * (h.size() + 1) <= maxCells) {
      return aligned(ref.size(), r, h);
    }
    return counted(ref.size(), r, h);
  }

  private static final byte MATCH = 0;
  private static final byte SUBSTITUTE = 1;
  private static final byte DELETE = 2;
  private static final byte INSERT = 3;

  private static WordDiff aligned(int referenceWords, List<String> r, List<String> h) {
    int n = r.size();
    int m = h.size();
    int cols = m + 1;
    byte[] step = new byte[(n + 1) * cols];
    int[] prev = new int[cols];
    int[] cur = new int[cols];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
      step[j] = INSERT;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      step[i * cols] = DELETE;
      for (int j = 1; j <= m; j++) {
        // Ties go to the diagonal, then to deletion, so the breakdown is deterministic.
        boolean same = r.get(i - 1).equals(h.get(j - 1));
        int best = prev[j - 1] + (same ? 0 : 1);
        byte how = same ? MATCH : SUBSTITUTE;
        if (prev[j] + 1 < best) {
          best = prev[j] + 1;
          how = DELETE;
        }
        if (cur[j - 1] + 1 < best) {
          best = cur[j - 1] + 1;
          how = INSERT;
        }
        cur[j] = best;
        step[i * cols + j] = how;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }

    int s = 0;
    int d = 0;
    int ins = 0;
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      byte how = step[i * cols + j];
      switch (how) {
        case MATCH -> {
          i--;
          j--;
        }
        case SUBSTITUTE -> {
          s++;
          removed.add(r.get(--i));
          added.add(h.get(--j));
        }
        case DELETE -> {
          d++;
          removed.add(r.get(--i));
        }
        default -> {
          ins++;
          added.add(h.get(--j));
        }
      }
    }
    Collections.reverse(removed);
    Collections.reverse(added);
    return new WordDiff(referenceWords, s, d, ins, List.copyOf(removed), List.copyOf(added));
  }

  /**
   * The same counts as {@link #aligned} in linear memory, for transcripts too long to keep an
   * alignment of; words removed and added are then the difference of the two bags of words.
   */
  private static WordDiff counted(int referenceWords, List<String> r, List<String> h) {
    int m = h.size();
    int[] prevD = new int[m + 1];
    int[] prevS = new int[m + 1];
    int[] prevDel = new int[m + 1];
    int[] prevIns = new int[m + 1];
    int[] curD = new int[m + 1];
    int[] curS = new int[m + 1];
    int[] curDel = new int[m + 1];
    int[] curIns = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prevD[j] = j;
      prevIns[j] = j;
    }
    for (int i = 1; i <= r.size(); i++) {
      curD[0] = i;
      curS[0] = 0;
      curDel[0] = i;
      curIns[0] = 0;
      for (int j = 1; j <= m; j++) {
        boolean same = r.get(i - 1).equals(h.get(j - 1));
        int best = prevD[j - 1] + (same ? 0 : 1);
        int s = prevS[j - 1] + (same ? 0 : 1);
        int del = prevDel[j - 1];
        int ins = prevIns[j - 1];
        if (prevD[j] + 1 < best) {
          best = prevD[j] + 1;
          s = prevS[j];
          del = prevDel[j] + 1;
          ins = prevIns[j];
        }
        if (curD[j - 1] + 1 < best) {
          best = curD[j - 1] + 1;
          s = curS[j - 1];
          del = curDel[j - 1];
          ins = curIns[j - 1] + 1;
        }
        curD[j] = best;
        curS[j] = s;
        curDel[j] = del;
        curIns[j] = ins;
      }
      int[] t = prevD;
      prevD = curD;
      curD = t;
      t = prevS;
      prevS = curS;
      curS = t;
      t = prevDel;
      prevDel = curDel;
      curDel = t;
      t = prevIns;
      prevIns = curIns;
      curIns = t;
    }
    return new WordDiff(
        referenceWords, prevS[m], prevDel[m], prevIns[m], bagMinus(r, h), bagMinus(h, r));
  }

  private static List<String> bagMinus(List<String> words, List<String> others) {
    Map<String, Integer> left = new HashMap<>();
    others.forEach(w -> left.merge(w, 1, Integer::sum));
    List<String> rest = new ArrayList<>();
    for (String w : words) {
      if (left.getOrDefault(w, 0) > 0) {
        left.merge(w, -1, Integer::sum);
      } else {
        rest.add(w);
      }
    }
    return List.copyOf(rest);
  }
}
