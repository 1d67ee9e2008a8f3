package dev.earshot.pipeline.captions;

import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.Segment;
import dev.earshot.schema.result.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long each word of a live stream took from being spoken to its first appearance in a caption
 * (partial or committed) and to its commit. The captions' committed words are matched to the words
 * of the same audio transcribed whole (word-level alignment), whose times say when each was spoken:
 * a word's own end time where the transcript has word times, else its end interpolated inside its
 * segment by its letters (for this measurement only: a word of a 3 s segment may be off by a few
 * hundred milliseconds either way, which averages out over the words).
 */
public final class CaptionTimes {

  /** A word as said, and when it ended, in seconds of the recording. */
  public record Spoken(String key, double end) {}

  /** One committed word: when it was spoken, first shown and committed, in ms after it was said. */
  public record Delay(String word, double spokenAt, double firstShownMs, double committedMs) {}

  /**
   * The delays of every committed word that matches a word of the whole transcript.
   *
   * @param captions the stream's captions in the order they arrived, with their arrival times
   * @param startNanos when the first sample of the stream was spoken ({@link System#nanoTime()})
   */
  public static List<Delay> delays(
      List<CaptionFollower.Arrived> captions, long startNanos, List<Spoken> spoken) {
    List<String> committed = new ArrayList<>();
    List<Long> committedAt = new ArrayList<>();
    List<Long> firstShown = new ArrayList<>();
    // Words shown in a partial before their commit; indexed like `committed` once they are.
    List<List<String>> partials = new ArrayList<>();
    List<Integer> partialFrom = new ArrayList<>();
    List<Long> partialAt = new ArrayList<>();
    for (CaptionFollower.Arrived arrived : captions) {
      Caption c = arrived.caption();
      for (String w : keys(c.committed())) {
        committed.add(w);
        committedAt.add(arrived.nanos());
        firstShown.add(arrived.nanos());
      }
      partials.add(keys(c.partial()));
      partialFrom.add(committed.size());
      partialAt.add(arrived.nanos());
    }
    // A partial shows words that may be committed later, at positions after what was committed
    // when it came: align it there.
    for (int k = 0; k < partials.size(); k++) {
      List<String> partial = partials.get(k);
      int from = partialFrom.get(k);
      int to = Math.min(committed.size(), from + partial.size() + 10);
      if (partial.isEmpty() || from >= to) {
        continue;
      }
      int[] match = align(committed.subList(from, to), partial);
      for (int i = 0; i < match.length; i++) {
        if (match[i] >= 0) {
          int index = from + i;
          firstShown.set(index, Math.min(firstShown.get(index), partialAt.get(k)));
        }
      }
    }
    int[] toSpoken = align(committed, spoken.stream().map(Spoken::key).toList());
    List<Delay> delays = new ArrayList<>();
    for (int i = 0; i < committed.size(); i++) {
      if (toSpoken[i] < 0) {
        continue;
      }
      double end = spoken.get(toSpoken[i]).end();
      double said = startNanos / 1e6 + end * 1000;
      delays.add(
          new Delay(
              committed.get(i),
              end,
              firstShown.get(i) / 1e6 - said,
              committedAt.get(i) / 1e6 - said));
    }
    return delays;
  }

  /**
   * The words of a transcript with the times they ended: the segment's word times where it has
   * them, else interpolated by letters between the segment's start and end.
   */
  public static List<Spoken> spoken(List<Segment> segments) {
    List<Spoken> words = new ArrayList<>();
    for (Segment s : segments) {
      if (!s.words().isEmpty()) {
        for (Word w : s.words()) {
          keys(w.text()).forEach(k -> words.add(new Spoken(k, w.end())));
        }
        continue;
      }
      List<String> keys = keys(s.text());
      int letters = keys.stream().mapToInt(String::length).sum();
      int through = 0;
      for (String k : keys) {
        through += k.length();
        words.add(
            new Spoken(k, s.start() + (s.end() - s.start()) * through / Math.max(1, letters)));
      }
    }
    return words;
  }

  /** The value at the given percentile (nearest rank), or NaN for no values. */
  public static double percentile(List<Double> values, double percent) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Words compared as whisper_streaming compares them: lower case, letters and digits only. */
  static List<String> keys(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(trimmed.split("\\s+"))
        .map(w -> w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /**
   * A longest-common-subsequence alignment: for each word of {@code a}, the index of the equal word
   * of {@code b} it is paired with, or -1.
   */
  static int[] align(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int[] match = new int[n];
    Arrays.fill(match, -1);
    for (int i = 0, j = 0; i < n && j < m; ) {
      if (a.get(i).equals(b.get(j))) {
        match[i++] = j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return match;
  }

  private CaptionTimes() {}
}
