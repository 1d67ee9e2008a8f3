package dev.earshot.classify.whisper;

import dev.earshot.whisper.DecoderSession;
import dev.earshot.whisper.EncodedAudio;
import dev.earshot.whisper.Numerics;
import dev.earshot.whisper.SpecialTokens;
import dev.earshot.whisper.WhisperConfig;
import dev.earshot.whisper.WhisperModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a few words a chunk holds, if any, with no training: Whisper's decoder scores how likely
 * the chunk's whole transcript is exactly each word, and a word is only accepted when that is both
 * likely in itself and close to the transcript Whisper would write unasked. Everything else is
 * {@code unknown} (other speech) or {@code silence} (no words: noise, music, quiet).
 *
 * <p>A word's score is {@code log P(transcript = word)}, summed over its spellings (" seven", "
 * Seven", " 7", each followed by end-of-text or by a full stop). Only the likeliest spelling is
 * decoded past its first token, in the same batch as Whisper's own transcript (one row when they
 * agree, as they do when a digit is said); when not even its first token is likely enough, the
 * prompt's pass alone decides. The chunk is rejected unless the best word scores above both {@link
 * Settings#minLogProbability()} and Whisper's own greedy transcript's log-probability minus {@link
 * Settings#maxShortfall()}; a greedy transcript that holds no words (empty, or a sound description
 * such as "(music)") is always rejected. The two bounds were chosen on real recordings, leaving
 * each source out in turn (see the README's model section); they are in the model's version, so
 * results say which were used.
 */
public final class WordSpotter {

  /** The label of other speech. */
  public static final String UNKNOWN = "unknown";

  /** The label of audio without words. */
  public static final String SILENCE = "silence";

  /**
   * @param minLogProbability natural log of the least probability Whisper must give the word as the
   *     whole transcript
   * @param maxShortfall how much less likely (natural log) than Whisper's own transcript the word
   *     may be
   * @param greedyTokens tokens of Whisper's own transcript decoded at most; a word and its full
   *     stop and end-of-text fit in three, and anything longer is not a single word
   */
  public record Settings(double minLogProbability, double maxShortfall, int greedyTokens) {

    /** What the built-in {@code digits} classifier uses. */
    public static final Settings DEFAULTS = new Settings(-5.5, 2.0, 3);

    public Settings {
      if (!(minLogProbability < 0) || !(maxShortfall >= 0)) {
        throw new IllegalArgumentException(
            "minLogProbability must be below 0 and maxShortfall at least 0: "
                + minLogProbability
                + ", "
                + maxShortfall);
      }
      if (greedyTokens < 2) {
        throw new IllegalArgumentException("greedyTokens must be at least 2: " + greedyTokens);
      }
    }
  }

  /** A word and the ways Whisper may write it, e.g. "seven": " seven", " Seven", " 7". */
  public record Word(String label, List<String> spellings) {
    public Word {
      Objects.requireNonNull(label, "label");
      spellings = List.copyOf(spellings);
      if (spellings.isEmpty()) {
        throw new IllegalArgumentException("word " + label + " has no spelling");
      }
    }

    /** The word in lower case and capitalised, plus {@code extra} spellings. */
    public static Word of(String word, String... extra) {
      String lower = word.strip().toLowerCase(Locale.ROOT);
      Set<String> forms = new LinkedHashSet<>();
      forms.add(lower);
      forms.add(lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1));
      forms.addAll(Arrays.asList(extra));
      return new Word(lower, new ArrayList<>(forms));
    }
  }

  /** The verdict on one chunk, with what Whisper heard there unasked. */
  public record Verdict(
      double[] probabilities, double[] wordLogProbabilities, String heard, double noSpeech) {}

  private final WhisperModel model;
  private final String language;
  private final List<Word> words;
  private final Settings settings;
  private final List<String> labels;
  // Every spelling of every word: its tokens and the word it belongs to.
  private final int[][] spellings;
  private final int[] owner;
  private final int stop;

  public WordSpotter(WhisperModel model, String language, List<Word> words, Settings settings) {
    this.model = Objects.requireNonNull(model, "model");
    WhisperConfig config = model.config();
    if (config.multilingual() && !config.languages().containsKey(language)) {
      throw new IllegalArgumentException(
          "language '" + language + "' is not one of " + config.name() + "'s languages");
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("no words to spot");
    }
    this.language = language;
    this.words = List.copyOf(words);
    this.settings = Objects.requireNonNull(settings, "settings");
    List<String> names = new ArrayList<>();
    List<int[]> tokens = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int w = 0; w < words.size(); w++) {
      Word word = words.get(w);
      if (word.label().equals(UNKNOWN) || word.label().equals(SILENCE)) {
        throw new IllegalArgumentException(
            "'" + word.label() + "' is a label of its own and cannot be a word to spot");
      }
      if (names.contains(word.label())) {
        throw new IllegalArgumentException("word '" + word.label() + "' appears twice");
      }
      names.add(word.label());
      for (String spelling : word.spellings()) {
        tokens.add(model.tokenizer().encode(" " + spelling.strip()));
        owners.add(w);
      }
    }
    names.add(UNKNOWN);
    names.add(SILENCE);
    this.labels = List.copyOf(names);
    this.spellings = tokens.toArray(int[][]::new);
    this.owner = owners.stream().mapToInt(Integer::intValue).toArray();
    this.stop = model.tokenizer().encode(".")[0];
  }

  /** The spoken digits zero to nine, in English words and in figures. */
  public static WordSpotter digits(WhisperModel model, Settings settings) {
    String[] names = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };
    List<Word> words = new ArrayList<>();
    for (int d = 0; d < names.length; d++) {
      words.add(Word.of(names[d], Integer.toString(d)));
    }
    return new WordSpotter(model, "en", words, settings);
  }

  /** The words, then {@link #UNKNOWN} and {@link #SILENCE}. */
  public List<String> labels() {
    return labels;
  }

  public String language() {
    return language;
  }

  public List<Word> words() {
    return words;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * @param audio the encoder states of one window, [1, positions, d]
   */
  public Verdict spot(EncodedAudio audio) {
    WhisperConfig config = model.config();
    SpecialTokens t = config.tokens();
    int eot = t.endOfText();
    int[] prompt =
        config.multilingual()
            ? new int[] {
              t.startOfTranscript(),
              config.languages().get(language),
              t.transcribe(),
              t.noTimestamps()
            }
            : new int[] {t.startOfTranscript(), t.noTimestamps()};
    double[] scores = new double[spellings.length];
    Greedy greedy = new Greedy(eot, settings.greedyTokens());
    double noSpeech;
    try (DecoderSession session = model.decoder(audio, 0)) {
      // The prompt's pass is the dearest (it computes the cross-attention cache) and gives, at
      // once, the no-speech probability, every spelling's first token and Whisper's own first.
      float[][] promptLogits = session.prefill(prompt);
      noSpeech = Math.exp(Numerics.logSoftmax(promptLogits[0])[t.noSpeech()]);
      double[] first = Numerics.logSoftmax(promptLogits[prompt.length - 1]);
      int best = 0;
      for (int i = 0; i < spellings.length; i++) {
        scores[i] = first[spellings[i][0]];
        if (scores[i] > scores[best]) {
          best = i;
        }
      }
      greedy.choose(first);
      // No word can be likelier than its first token: below the bar, nothing is decoded further.
      if (scores[best] >= settings.minLogProbability()) {
        int[] word = spellings[best];
        // Row 0 carries Whisper's own transcript and the last row the best spelling, then a full
        // stop; while Whisper writes the same tokens (as it does when a digit is said) one row
        // serves both, and a second is made only where they part.
        boolean shared = word.length == 1 && greedy.last() == word[0];
        int rows = 1;
        if (!shared) {
          rows = 2;
          session.select(new int[rows]);
        }
        double prefix = 0;
        double endNow = 0;
        double afterStop = 0;
        double ending = 0;
        for (int j = 0; j <= word.length; j++) {
          int token = j < word.length ? word[j] : stop;
          int[] step;
          if (rows == 1 && !greedy.done() && greedy.last() != token) {
            rows = 2;
            session.select(new int[rows]);
          }
          step = rows == 1 ? new int[] {token} : new int[] {greedy.feed(), token};
          // logits [rows][vocabulary]: what follows each row's last token
          float[][] logits = session.step(step);
          double[] next = Numerics.logSoftmax(logits[rows - 1]);
          if (j < word.length - 1) {
            prefix += next[word[j + 1]];
          } else if (j == word.length - 1) {
            endNow = next[eot];
            afterStop = next[stop];
          } else {
            // The spelling is the whole transcript: end-of-text now, or after a full stop.
            ending = logAdd(endNow, afterStop + next[eot]);
          }
          if (!greedy.done()) {
            greedy.choose(rows == 1 ? next : Numerics.logSoftmax(logits[0]));
          }
        }
        // Every other spelling is given the best one's ending after its first token: only the
        // best can pass the bar, and the others only share the rest of the probability.
        for (int i = 0; i < spellings.length; i++) {
          scores[i] += prefix + ending;
        }
        // Whisper's own transcript goes on to its budget; a second row rides along, as one more
        // row in a step costs less than copying the caches down to one.
        while (!greedy.done()) {
          int[] step = rows > 1 ? new int[] {greedy.last(), eot} : new int[] {greedy.last()};
          greedy.choose(Numerics.logSoftmax(session.step(step)[0]));
        }
      }
    }
    double[] wordScores = new double[words.size()];
    Arrays.fill(wordScores, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < spellings.length; i++) {
      // Spellings are alternative ways to write one answer, so their probabilities add.
      wordScores[owner[i]] = logAdd(wordScores[owner[i]], scores[i]);
    }
    String heard = model.tokenizer().decode(greedy.tokens()).strip();
    return verdict(wordScores, greedy.logProbability(), heard, noSpeech);
  }

  private Verdict verdict(
      double[] wordScores, double heardLogProbability, String heard, double noSpeech) {
    boolean wordless =
        heard.isEmpty() || heard.startsWith("(") || heard.startsWith("[") || heard.startsWith("♪");
    // The bar a word must clear: likely in itself, and close to what Whisper heard unasked.
    double bar =
        wordless
            ? Double.POSITIVE_INFINITY
            : Math.max(settings.minLogProbability(), heardLogProbability - settings.maxShortfall());
    double max = bar;
    for (double s : wordScores) {
      max = Math.max(max, s);
    }
    double[] p = new double[labels.size()];
    double sum = 0;
    for (int w = 0; w < wordScores.length; w++) {
      p[w] = Double.isInfinite(max) ? 0 : Math.exp(wordScores[w] - max);
      sum += p[w];
    }
    double rejected = Double.isInfinite(max) ? 1 : Math.exp(bar - max);
    sum += rejected;
    for (int w = 0; w < wordScores.length; w++) {
      p[w] /= sum;
    }
    rejected /= sum;
    // Rejected audio is silence as far as Whisper hears no words in it.
    double silent = wordless ? 1 : noSpeech;
    p[words.size()] = rejected * (1 - silent);
    p[words.size() + 1] = rejected * silent;
    return new Verdict(p, wordScores, heard, noSpeech);
  }

  /** Whisper's own transcript, one most likely token at a time, up to a budget. */
  private static final class Greedy {
    private final int eot;
    private final int budget;
    private final List<Integer> tokens = new ArrayList<>();
    private double logProbability;
    private int chosen;
    private int last = -1;

    Greedy(int eot, int budget) {
      this.eot = eot;
      this.budget = budget;
    }

    void choose(double[] logProbabilities) {
      last = greedy(logProbabilities, eot);
      logProbability += logProbabilities[last];
      chosen++;
      if (last != eot) {
        tokens.add(last);
      }
    }

    boolean done() {
      return last == eot || chosen >= budget;
    }

    int last() {
      return last;
    }

    /** The token to feed next: the last one chosen, or end-of-text once done. */
    int feed() {
      return done() ? eot : last;
    }

    double logProbability() {
      return logProbability;
    }

    int[] tokens() {
      return tokens.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static int greedy(double[] logProbabilities, int eot) {
    // Text tokens only (timestamps and other special tokens follow end-of-text).
    int best = 0;
    for (int v = 1; v <= eot; v++) {
      if (logProbabilities[v] > logProbabilities[best]) {
        best = v;
      }
    }
    return best;
  }

  private static double logAdd(double a, double b) {
    return Numerics.logSumExp(new double[] {a, b}, 0, 2);
  }
}
