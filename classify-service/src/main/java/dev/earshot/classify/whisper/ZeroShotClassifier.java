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
 * A chunk of speech and candidate phrases in, a probability per candidate out, with no training:
 * each candidate is scored by the Whisper decoder's log-likelihood of transcribing the chunk as
 * that text (followed by end-of-text), and the scores are turned into probabilities with a softmax.
 * A candidate is scored in several surface forms (lower case, capitalised, with a full stop) and
 * their likelihoods added, because Whisper writes "Seven." as readily as "seven".
 */
public final class ZeroShotClassifier {

  /** The verdict on one chunk. */
  public record Scores(List<String> candidates, double[] logLikelihoods, double[] probabilities) {}

  private final WhisperModel model;
  private final String language;
  private final List<String> candidates;
  private final List<int[][]> forms;
  // Every form of every candidate, candidate by candidate: the rows of one decoder batch.
  private final int[][] texts;
  private final int longest;

  /**
   * @param language the spoken language, e.g. {@code en}; ignored by English-only models
   * @param candidates words or phrases, e.g. "yes", "no", "stop", "go"
   */
  public ZeroShotClassifier(WhisperModel model, String language, List<String> candidates) {
    this.model = Objects.requireNonNull(model, "model");
    WhisperConfig config = model.config();
    if (config.multilingual() && !config.languages().containsKey(language)) {
      throw new IllegalArgumentException(
          "language '" + language + "' is not one of " + config.name() + "'s languages");
    }
    if (candidates.size() < 2) {
      throw new IllegalArgumentException("zero-shot needs at least two candidates: " + candidates);
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String c : candidates) {
      if (c == null || c.isBlank()) {
        throw new IllegalArgumentException("blank candidate in " + candidates);
      }
      if (!unique.add(c.strip())) {
        throw new IllegalArgumentException("candidate '" + c + "' appears twice");
      }
    }
    this.language = language;
    this.candidates = List.copyOf(unique);
    this.forms = new ArrayList<>();
    for (String c : this.candidates) {
      forms.add(surfaceForms(c));
    }
    this.texts = forms.stream().flatMap(Arrays::stream).toArray(int[][]::new);
    this.longest = Arrays.stream(texts).mapToInt(t -> t.length).max().orElse(0);
  }

  public List<String> candidates() {
    return candidates;
  }

  /**
   * @param samples at most one Whisper window of mono audio at the model's sample rate
   */
  public Scores classify(float[] samples) {
    WhisperConfig config = model.config();
    if (samples.length == 0 || samples.length > config.windowSamples()) {
      throw new IllegalArgumentException(
          "zero-shot needs 1.." + config.windowSamples() + " samples, got " + samples.length);
    }
    EncodedAudio encoded = model.encode(model.logMel().compute(samples), 1);
    int[] prompt = prompt(config);
    int eot = config.tokens().endOfText();
    int rows = texts.length;
    double[] formScores = new double[rows];
    try (DecoderSession session = model.decoder(encoded, 0)) {
      // The prompt and the cross-attention cache are computed once; every surface form of every
      // candidate then runs as one row of a batch, a token per step. (The cached decoder graph
      // has no causal mask among several new tokens, so forms cannot be fed in one pass.)
      float[][] promptLogits = session.prefill(prompt);
      for (int r = 0; r < rows; r++) {
        formScores[r] = logSoftmax(promptLogits[prompt.length - 1], texts[r][0]);
      }
      session.select(new int[rows]);
      int[] step = new int[rows];
      for (int j = 0; j < longest; j++) {
        for (int r = 0; r < rows; r++) {
          // Rows that are done feed end-of-text; their later logits are not read.
          step[r] = j < texts[r].length ? texts[r][j] : eot;
        }
        // logits [rows][vocabulary]: what follows token j of each row
        float[][] logits = session.step(step);
        for (int r = 0; r < rows; r++) {
          if (j + 1 < texts[r].length) {
            formScores[r] += logSoftmax(logits[r], texts[r][j + 1]);
          } else if (j + 1 == texts[r].length) {
            formScores[r] += logSoftmax(logits[r], eot);
          }
        }
      }
    }
    double[] scores = new double[candidates.size()];
    int row = 0;
    for (int c = 0; c < scores.length; c++) {
      int n = forms.get(c).length;
      // The forms are alternative spellings of one answer, so their likelihoods add.
      scores[c] = Numerics.logSumExp(formScores, row, row + n);
      row += n;
    }
    return new Scores(candidates, scores, softmax(scores));
  }

  private int[] prompt(WhisperConfig config) {
    SpecialTokens t = config.tokens();
    if (!config.multilingual()) {
      return new int[] {t.startOfTranscript(), t.noTimestamps()};
    }
    return new int[] {
      t.startOfTranscript(), config.languages().get(language), t.transcribe(), t.noTimestamps()
    };
  }

  private int[][] surfaceForms(String candidate) {
    String lower = candidate.strip().toLowerCase(Locale.ROOT);
    String capitalised = lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    Set<String> texts = new LinkedHashSet<>();
    for (String base : List.of(lower, capitalised)) {
      texts.add(" " + base);
      texts.add(" " + base + ".");
    }
    return texts.stream().map(model.tokenizer()::encode).toArray(int[][]::new);
  }

  /** log of the softmax of {@code logits} at {@code token}. */
  private static double logSoftmax(float[] logits, int token) {
    return logits[token] - Numerics.logSumExp(logits, 0, logits.length);
  }

  static double[] softmax(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double[] out = new double[scores.length];
    double sum = 0.0;
    for (int i = 0; i < scores.length; i++) {
      out[i] = Math.exp(scores[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }
}
