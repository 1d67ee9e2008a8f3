package dev.earshot.schema.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Subtitles (SubRip and WebVTT) from a transcript's segments. A cue never spans two segments. With
 * word times a long segment is cut into cues of at most {@code maxLines} lines, preferably after
 * punctuation, each timed by its own words; without them a segment stays one cue, wrapped into
 * lines of readable length, because its words' times are not known and are not guessed.
 */
public final class Subtitles {

  /**
   * @param maxLineChars characters per line (42 is the common broadcast limit)
   * @param maxLines lines per cue when word times allow cutting a segment
   * @param maxCueSeconds longest cue when word times allow cutting a segment
   */
  public record Settings(int maxLineChars, int maxLines, double maxCueSeconds) {

    public static final Settings DEFAULT = new Settings(42, 2, 7.0);

    public Settings {
      if (maxLineChars < 10 || maxLines < 1 || !(maxCueSeconds >= 1)) {
        throw new IllegalArgumentException(
            "subtitles need at least 10 characters per line, 1 line and 1 s per cue, got "
                + maxLineChars
                + ", "
                + maxLines
                + " and "
                + maxCueSeconds);
      }
    }
  }

  /** One cue: seconds from the start of the recording, and its lines. */
  public record Cue(double start, double end, List<String> lines) {}

  /** Shortest cue shown: a zero-length segment still gets a moment on screen. */
  private static final double MIN_SECONDS = 0.2;

  private static final String SENTENCE_END = ".?!。？！";
  private static final String CLAUSE_END = ",;:、，；：";

  private Subtitles() {}

  public static List<Cue> cues(List<Segment> segments, Settings settings) {
    List<Cue> cues = new ArrayList<>();
    for (Segment segment : segments) {
      String text = segment.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (segment.words().isEmpty()) {
        add(cues, segment.start(), segment.end(), wrap(text, settings.maxLineChars()));
      } else {
        cutByWords(cues, segment.words(), settings);
      }
    }
    return cues;
  }

  /**
   * Fills cues word by word, closing one at a sentence end or where the next word would not fit.
   */
  private static void cutByWords(List<Cue> cues, List<Word> words, Settings settings) {
    int capacity = settings.maxLineChars() * settings.maxLines();
    List<Word> current = new ArrayList<>();
    for (Word word : words) {
      if (!current.isEmpty() && !fits(current, word, settings, capacity)) {
        int cut = cutPoint(current);
        List<Word> head = new ArrayList<>(current.subList(0, cut));
        List<Word> tail = new ArrayList<>(current.subList(cut, current.size()));
        emit(cues, head, settings);
        current = tail;
      }
      current.add(word);
      if (endsWith(word, SENTENCE_END) && text(current).length() >= capacity / 3) {
        emit(cues, current, settings);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      emit(cues, current, settings);
    }
  }

  private static boolean fits(List<Word> current, Word next, Settings settings, int capacity) {
    List<Word> with = new ArrayList<>(current);
    with.add(next);
    String text = text(with);
    return text.length() <= capacity
        && wrap(text, settings.maxLineChars()).size() <= settings.maxLines()
        && next.end() - current.get(0).start() <= settings.maxCueSeconds();
  }

  /** Where to end a full cue: after its last punctuation if that keeps a third of it, else all. */
  private static int cutPoint(List<Word> current) {
    int length = text(current).length();
    for (int i = current.size() - 1; i > 0; i--) {
      if (endsWith(current.get(i - 1), SENTENCE_END + CLAUSE_END)
          && text(current.subList(0, i)).length() >= length / 3) {
        return i;
      }
    }
    return current.size();
  }

  private static void emit(List<Cue> cues, List<Word> words, Settings settings) {
    add(
        cues,
        words.get(0).start(),
        words.get(words.size() - 1).end(),
        wrap(text(words), settings.maxLineChars()));
  }

  private static void add(List<Cue> cues, double start, double end, List<String> lines) {
    double from = cues.isEmpty() ? start : Math.max(start, cues.get(cues.size() - 1).end());
    double to = Math.max(end, from + MIN_SECONDS);
    cues.add(new Cue(from, to, lines));
  }

  /**
   * Words as Whisper writes them: each carries its own leading space where the language has one.
   */
  private static String text(List<Word> words) {
    StringBuilder s = new StringBuilder();
    words.forEach(w -> s.append(w.text()));
    return s.toString().strip().replaceAll("\\s+", " ");
  }

  private static boolean endsWith(Word word, String marks) {
    String t = word.text().strip();
    return !t.isEmpty() && marks.indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  /**
   * Lines of at most {@code max} characters, broken at spaces: as few lines as filling them would
   * take, as even as the breaks allow, preferably after punctuation (a clause break is worth ten
   * characters of unevenness); text without spaces (Chinese, Japanese) is broken between
   * characters.
   */
  static List<String> wrap(String text, int max) {
    String t = text.strip().replaceAll("\\s+", " ");
    List<String> filled = greedy(t, max);
    if (filled.size() <= 1 || t.indexOf(' ') < 0) {
      return filled;
    }
    List<String> words = new ArrayList<>();
    for (String word : t.split(" ")) {
      words.addAll(pieces(word, max));
    }
    int n = filled.size();
    int count = words.size();
    double target = t.length() / (double) n;
    // cost[i][k]: the best k lines holding the first i words; from[i][k]: where the last began.
    double[][] cost = new double[count + 1][n + 1];
    int[][] from = new int[count + 1][n + 1];
    for (double[] row : cost) {
      java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    cost[0][0] = 0;
    for (int k = 1; k <= n; k++) {
      for (int i = 1; i <= count; i++) {
        int length = -1;
        for (int j = i - 1; j >= 0; j--) {
          length += words.get(j).length() + 1;
          if (length > max) {
            break;
          }
          if (cost[j][k - 1] == Double.POSITIVE_INFINITY) {
            continue;
          }
          double c = cost[j][k - 1] + (length - target) * (length - target);
          String last = words.get(i - 1);
          if (i < count
              && (SENTENCE_END + CLAUSE_END).indexOf(last.charAt(last.length() - 1)) >= 0) {
            c -= 100;
          }
          if (c < cost[i][k]) {
            cost[i][k] = c;
            from[i][k] = j;
          }
        }
      }
    }
    if (cost[count][n] == Double.POSITIVE_INFINITY) {
      return filled;
    }
    List<String> lines = new ArrayList<>();
    for (int i = count, k = n; k > 0; i = from[i][k], k--) {
      lines.add(0, String.join(" ", words.subList(from[i][k], i)));
    }
    return lines;
  }

  /** Fills each line as far as it goes. */
  private static List<String> greedy(String t, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : t.split(" ")) {
      for (String piece : pieces(word, max)) {
        if (line.length() > 0 && line.length() + 1 + piece.length() > max) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(piece);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** A word longer than a line (or text without spaces) in pieces of whole code points. */
  private static List<String> pieces(String word, int max) {
    if (word.length() <= max) {
      return List.of(word);
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      int end =
          word.offsetByCodePoints(start, Math.min(max, word.codePointCount(start, word.length())));
      pieces.add(word.substring(start, end));
      start = end;
    }
    return pieces;
  }

  /** SubRip: numbered cues, {@code HH:MM:SS,mmm} times, a blank line after each. */
  public static String srt(List<Cue> cues) {
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (Cue cue : cues) {
      out.append(n++).append('\n');
      out.append(time(cue.start(), ',')).append(" --> ").append(time(cue.end(), ',')).append('\n');
      for (String line : cue.lines()) {
        out.append(line.replace("-->", "->")).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** WebVTT: the header, {@code HH:MM:SS.mmm} times, cue text with &, < and > escaped. */
  public static String vtt(List<Cue> cues) {
    StringBuilder out = new StringBuilder("WEBVTT\n\n");
    for (Cue cue : cues) {
      out.append(time(cue.start(), '.')).append(" --> ").append(time(cue.end(), '.')).append('\n');
      for (String line : cue.lines()) {
        out.append(
                line.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("-->", "-&gt;"))
            .append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String time(double seconds, char separator) {
    long millis = Math.max(0, Math.round(seconds * 1000));
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d%c%03d",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        separator,
        millis % 1000);
  }
}
