package dev.earshot.whisper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Word times from the decoder's cross-attention, the way OpenAI's timing.py finds them ({@code
 * find_alignment}, {@code merge_punctuations}, {@code add_word_timestamps}): the alignment heads'
 * attention over the audio, normalised and smoothed, is matched to the tokens by dynamic time
 * warping; a token starts where the path first reaches its row. Only the model's attention places a
 * word: nothing here spreads a segment's time over its words.
 */
final class WordAlignment {

  static final int MEDIAN_FILTER_WIDTH = 7;

  /** Seconds per encoder audio position: two 10 ms log-mel frames. */
  static final double POSITION_SECONDS = 0.02;

  /** Python's {@code string.punctuation}. */
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  /** OpenAI's default {@code prepend_punctuations}: joined to the word after them. */
  static final String PREPENDED = "\"'“¿([{-";

  /** OpenAI's default {@code append_punctuations}: joined to the word before them. */
  static final String APPENDED = "\"'.。,，!！?？:：”)]}、";

  private static final String SENTENCE_ENDS = ".。!！?？";

  /** Languages written without spaces: words split where the tokens make whole characters. */
  private static final Set<String> UNSPACED = Set.of("zh", "ja", "th", "lo", "my", "yue");

  private WordAlignment() {}

  /** A word and its tokens. */
  record WordTokens(String word, List<Integer> tokens) {}

  /**
   * A word with its times in seconds from the start of the window and the mean probability of its
   * tokens; merging punctuation moves words and tokens into neighbours and leaves them empty.
   */
  static final class Timing {
    String word;
    List<Integer> tokens;
    double start;
    double end;
    final double probability;

    Timing(String word, List<Integer> tokens, double start, double end, double probability) {
      this.word = word;
      this.tokens = tokens;
      this.start = start;
      this.end = end;
      this.probability = probability;
    }
  }

  /**
   * A segment before word times: seconds from the start of the window, its text and how many text
   * tokens it holds.
   */
  record Span(double start, double end, String text, int textTokens) {}

  /**
   * OpenAI's {@code find_alignment} after its decoder pass.
   *
   * @param weights the alignment heads' cross-attention [heads][tokens][frames] over {@code <sot
   *     sequence> <|notimestamps|> text <|endoftext|>}, cut to the window's audio
   * @param sotLength tokens before {@code <|notimestamps|>}
   * @param probabilities each text token's probability among the text tokens
   * @return the words of the text with times in seconds from the start of the window; empty when
   *     the text has no words
   */
  static List<Timing> align(
      Tokenizer tokenizer,
      String language,
      List<Integer> text,
      float[][][] weights,
      int sotLength,
      double[] probabilities) {
    List<WordTokens> words = splitToWordTokens(tokenizer, text, language);
    if (words.isEmpty()) {
      return List.of();
    }
    double[] jumpTimes = tokenStartTimes(weights, sotLength);
    List<Timing> timings = new ArrayList<>(words.size());
    int from = 0;
    for (WordTokens word : words) {
      int to = from + word.tokens().size();
      double probability = 0;
      for (int i = from; i < to; i++) {
        probability += probabilities[i];
      }
      timings.add(
          new Timing(
              word.word(),
              new ArrayList<>(word.tokens()),
              jumpTimes[from],
              jumpTimes[to],
              probability / (to - from)));
      from = to;
    }
    return timings;
  }

  /**
   * When each row of the matrix from {@code <|notimestamps|>} to the last text token starts: a row
   * is the decoder at one token predicting the next, so entry {@code i} is where text token {@code
   * i} starts and the last entry where the text ends.
   *
   * @param weights [heads][tokens][frames], each row the softmax over all of the encoder's
   *     positions
   */
  static double[] tokenStartTimes(float[][][] weights, int sotLength) {
    int heads = weights.length;
    int rows = weights[0].length;
    int frames = weights[0][0].length;
    double[][][] w = new double[heads][rows][frames];
    for (int h = 0; h < heads; h++) {
      for (int t = 0; t < rows; t++) {
        // OpenAI takes the softmax over the audio's positions only; the export's is over the whole
        // window, so the kept part is scaled back up to sum to one.
        double sum = 0;
        for (float v : weights[h][t]) {
          sum += v;
        }
        for (int f = 0; f < frames; f++) {
          w[h][t][f] = sum > 0 ? weights[h][t][f] / sum : 0;
        }
      }
      standardiseOverTokens(w[h]);
      for (int t = 0; t < rows; t++) {
        w[h][t] = medianFilter(w[h][t], MEDIAN_FILTER_WIDTH);
      }
    }
    // The rows from <|notimestamps|> to the last text token: the end token's row predicts nothing.
    double[][] cost = new double[rows - 1 - sotLength][frames];
    for (int t = 0; t < cost.length; t++) {
      for (int f = 0; f < frames; f++) {
        double mean = 0;
        for (int h = 0; h < heads; h++) {
          mean += w[h][sotLength + t][f];
        }
        cost[t][f] = -mean / heads;
      }
    }
    int[][] path = dtw(cost);
    double[] times = new double[cost.length];
    int row = -1;
    for (int k = 0; k < path[0].length; k++) {
      if (path[0][k] != row) {
        row = path[0][k];
        times[row] = path[1][k] * POSITION_SECONDS;
      }
    }
    return times;
  }

  /**
   * {@code (w - mean) / std} along the token axis of one head [tokens][frames], std unbiased=False.
   */
  private static void standardiseOverTokens(double[][] w) {
    int frames = w[0].length;
    double[] mean = new double[frames];
    double[] std = new double[frames];
    for (double[] row : w) {
      for (int f = 0; f < frames; f++) {
        mean[f] += row[f];
      }
    }
    for (int f = 0; f < frames; f++) {
      mean[f] /= w.length;
    }
    for (double[] row : w) {
      for (int f = 0; f < frames; f++) {
        std[f] += (row[f] - mean[f]) * (row[f] - mean[f]);
      }
    }
    for (int f = 0; f < frames; f++) {
      std[f] = Math.sqrt(std[f] / w.length);
    }
    for (double[] row : w) {
      for (int f = 0; f < frames; f++) {
        row[f] = std[f] > 0 ? (row[f] - mean[f]) / std[f] : 0;
      }
    }
  }

  /** OpenAI's median filter: odd width, reflected at the ends; too short a row is left as it is. */
  static double[] medianFilter(double[] x, int width) {
    int pad = width / 2;
    if (x.length <= pad) {
      return x;
    }
    double[] out = new double[x.length];
    double[] window = new double[width];
    for (int k = 0; k < width; k++) {
      window[k] = x[reflect(k - pad, x.length)];
    }
    Arrays.sort(window);
    out[0] = window[pad];
    // The window slides: one value leaves and one enters a sorted window, instead of sorting every
    // position's window afresh (every position of every row of every head is filtered).
    for (int i = 1; i < x.length; i++) {
      slide(window, x[reflect(i - 1 - pad, x.length)], x[reflect(i + pad, x.length)]);
      out[i] = window[pad];
    }
    return out;
  }

  /** Reflection without repeating the edge: -1 reads 1, n reads n - 2. */
  private static int reflect(int at, int n) {
    return at < 0 ? -at : at >= n ? 2 * (n - 1) - at : at;
  }

  /**
   * Replaces one occurrence of {@code leaving}, which is in the sorted window, by {@code entering}.
   */
  private static void slide(double[] window, double leaving, double entering) {
    int at = 0;
    while (Double.compare(window[at], leaving) != 0) {
      at++;
    }
    while (at > 0 && window[at - 1] > entering) {
      window[at] = window[at - 1];
      at--;
    }
    while (at < window.length - 1 && window[at + 1] < entering) {
      window[at] = window[at + 1];
      at++;
    }
    window[at] = entering;
  }

  /**
   * OpenAI's {@code dtw_cpu}: the cheapest monotonic path through {@code cost} [rows][columns] from
   * the first cell to the last, moving right, down or diagonally; ties go right, as there.
   *
   * @return the path's row indices and column indices, [2][length]
   */
  static int[][] dtw(double[][] x) {
    int n = x.length;
    int m = x[0].length;
    float[][] cost = new float[n + 1][m + 1];
    byte[][] trace = new byte[n + 1][m + 1];
    for (float[] row : cost) {
      Arrays.fill(row, Float.POSITIVE_INFINITY);
    }
    cost[0][0] = 0;
    // Row by row rather than timing.py's column by column: each cell needs only its left, upper
    // and upper-left neighbours, so the costs are the same, read in memory order.
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        float c0 = cost[i - 1][j - 1];
        float c1 = cost[i - 1][j];
        float c2 = cost[i][j - 1];
        float c;
        byte t;
        if (c0 < c1 && c0 < c2) {
          c = c0;
          t = 0;
        } else if (c1 < c0 && c1 < c2) {
          c = c1;
          t = 1;
        } else {
          c = c2;
          t = 2;
        }
        cost[i][j] = (float) (x[i - 1][j - 1] + c);
        trace[i][j] = t;
      }
    }
    Arrays.fill(trace[0], (byte) 2);
    for (byte[] row : trace) {
      row[0] = 1;
    }
    int i = n;
    int j = m;
    List<int[]> steps = new ArrayList<>();
    while (i > 0 || j > 0) {
      steps.add(new int[] {i - 1, j - 1});
      switch (trace[i][j]) {
        case 0 -> {
          i--;
          j--;
        }
        case 1 -> i--;
        default -> j--;
      }
    }
    int[][] path = new int[2][steps.size()];
    for (int k = 0; k < steps.size(); k++) {
      int[] step = steps.get(steps.size() - 1 - k);
      path[0][k] = step[0];
      path[1][k] = step[1];
    }
    return path;
  }

  /**
   * OpenAI's {@code split_to_word_tokens} over text tokens: at spaces and punctuation, or for
   * languages written without spaces wherever the tokens so far make whole characters.
   */
  static List<WordTokens> splitToWordTokens(
      Tokenizer tokenizer, List<Integer> tokens, String language) {
    List<WordTokens> subwords = splitOnUnicode(tokenizer, tokens);
    if (UNSPACED.contains(language)) {
      return subwords;
    }
    List<WordTokens> words = new ArrayList<>();
    for (WordTokens subword : subwords) {
      String text = subword.word();
      boolean newWord =
          text.startsWith(" ") || PUNCTUATION.contains(text.strip()) || words.isEmpty();
      if (newWord) {
        words.add(new WordTokens(text, new ArrayList<>(subword.tokens())));
      } else {
        WordTokens last = words.remove(words.size() - 1);
        List<Integer> joined = new ArrayList<>(last.tokens());
        joined.addAll(subword.tokens());
        words.add(new WordTokens(last.word() + text, joined));
      }
    }
    return words;
  }

  /** Pieces that end where the tokens so far decode to whole characters. */
  private static List<WordTokens> splitOnUnicode(Tokenizer tokenizer, List<Integer> tokens) {
    int replacement = 0xFFFD;
    int[] full = tokenizer.decode(ints(tokens)).codePoints().toArray();
    List<WordTokens> pieces = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    int offset = 0;
    for (int token : tokens) {
      current.add(token);
      String decoded = tokenizer.decode(ints(current));
      int[] points = decoded.codePoints().toArray();
      int bad = indexOf(points, replacement);
      // A replacement character that the whole text has too is the text's own, not a cut.
      if (bad < 0 || (offset + bad < full.length && full[offset + bad] == replacement)) {
        pieces.add(new WordTokens(decoded, List.copyOf(current)));
        current = new ArrayList<>();
        offset += points.length;
      }
    }
    return pieces;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * OpenAI's {@code merge_punctuations}: opening marks join the word after them, closing marks the
   * word before, keeping that word's times; the merged word is left empty.
   */
  static void mergePunctuations(List<Timing> alignment, String prepended, String appended) {
    int i = alignment.size() - 2;
    int j = alignment.size() - 1;
    while (i >= 0) {
      Timing previous = alignment.get(i);
      Timing following = alignment.get(j);
      if (previous.word.startsWith(" ") && prepended.contains(previous.word.strip())) {
        following.word = previous.word + following.word;
        following.tokens = concat(previous.tokens, following.tokens);
        previous.word = "";
        previous.tokens = List.of();
      } else {
        j = i;
      }
      i--;
    }
    i = 0;
    j = 1;
    while (j < alignment.size()) {
      Timing previous = alignment.get(i);
      Timing following = alignment.get(j);
      if (!previous.word.endsWith(" ") && appended.contains(following.word)) {
        previous.word = previous.word + following.word;
        previous.tokens = concat(previous.tokens, following.tokens);
        following.word = "";
        following.tokens = List.of();
      } else {
        i = j;
      }
      j++;
    }
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    List<Integer> joined = new ArrayList<>(a);
    joined.addAll(b);
    return joined;
  }

  /**
   * OpenAI's {@code add_word_timestamps} for one window: long words at sentence ends are cut to
   * twice the median word length, punctuation is merged, the words are dealt to the segments by
   * their tokens, and a segment's first and last words are reconciled with its timestamps (a word
   * that runs far past them is cut; otherwise the segment takes the words' bounds).
   *
   * @param spans the window's segments in order, including those without text
   * @param alignment from {@link #align}, in seconds from the start of the window
   * @param offset where the window starts in the recording; the results are times in the recording
   */
  static List<Transcription.Segment> addWordTimestamps(
      List<Span> spans, List<Timing> alignment, double offset) {
    double[] durations =
        alignment.stream().mapToDouble(t -> t.end - t.start).filter(d -> d != 0).sorted().toArray();
    double median = Math.min(0.7, median(durations));
    double maxDuration = median * 2;
    if (durations.length > 0) {
      for (int i = 1; i < alignment.size(); i++) {
        Timing timing = alignment.get(i);
        if (timing.end - timing.start > maxDuration) {
          if (SENTENCE_ENDS.contains(timing.word)) {
            timing.end = timing.start + maxDuration;
          } else if (SENTENCE_ENDS.contains(alignment.get(i - 1).word)) {
            timing.start = timing.end - maxDuration;
          }
        }
      }
    }
    mergePunctuations(alignment, PREPENDED, APPENDED);

    List<Transcription.Segment> segments = new ArrayList<>(spans.size());
    // Times here are seconds from the window's start, as in OpenAI's first window (whose times,
    // halved below, are the recording's): a chunk is transcribed on its own, so nothing before
    // its start is known to have been speech.
    double lastSpeech = 0;
    int wordIndex = 0;
    for (Span span : spans) {
      List<double[]> times = new ArrayList<>();
      List<Timing> words = new ArrayList<>();
      int saved = 0;
      while (wordIndex < alignment.size() && saved < span.textTokens()) {
        Timing timing = alignment.get(wordIndex);
        if (!timing.word.isEmpty()) {
          words.add(timing);
          times.add(new double[] {round2(timing.start), round2(timing.end)});
        }
        saved += timing.tokens.size();
        wordIndex++;
      }
      double start = span.start();
      double end = span.end();
      if (!words.isEmpty()) {
        double[] first = times.get(0);
        if (first[1] - lastSpeech > median * 4
            && (first[1] - first[0] > maxDuration
                || (times.size() > 1 && times.get(1)[1] - first[0] > maxDuration * 2))) {
          // The first word after a pause is probably not as long as the attention says.
          if (times.size() > 1 && times.get(1)[1] - times.get(1)[0] > maxDuration) {
            double[] second = times.get(1);
            double boundary = Math.max(second[1] / 2, second[1] - maxDuration);
            first[1] = boundary;
            second[0] = boundary;
          }
          first[0] = Math.max(0, first[1] - maxDuration);
        }
        if (start < first[1] && start - 0.5 > first[0]) {
          first[0] = Math.max(0, Math.min(first[1] - median, start));
        } else {
          start = first[0];
        }
        double[] last = times.get(times.size() - 1);
        if (end > last[0] && end + 0.5 < last[1]) {
          last[1] = Math.max(last[0] + median, end);
        } else {
          end = last[1];
        }
        lastSpeech = end;
      }
      List<Transcription.Word> placed = new ArrayList<>(words.size());
      for (int k = 0; k < words.size(); k++) {
        placed.add(
            new Transcription.Word(
                offset + times.get(k)[0],
                offset + times.get(k)[1],
                words.get(k).word,
                words.get(k).probability));
      }
      segments.add(new Transcription.Segment(offset + start, offset + end, span.text(), placed));
    }
    return segments;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double round2(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }
}
