package dev.earshot.whisper;

import java.util.Arrays;
import java.util.List;

/**
 * The logit rules of OpenAI's reference decoder, applied in place before each token is chosen:
 * blank suppression at the start, the model's suppressed tokens, and the timestamp grammar
 * (timestamps come in pairs, never go backwards, start the text, and win when their total
 * probability beats every text token).
 */
final class LogitFilters {

  private final SpecialTokens tokens;
  private final int[] suppressed;
  private final int[] beginSuppressed;
  private final boolean timestamps;
  private final int maxInitialTimestampIndex;

  LogitFilters(WhisperConfig config, DecodingOptions options) {
    this.tokens = config.tokens();
    this.timestamps = options.timestamps();
    this.maxInitialTimestampIndex =
        (int) Math.round(options.maxInitialTimestamp() / SpecialTokens.TIMESTAMP_STEP);
    this.beginSuppressed = config.beginSuppressTokens();
    SpecialTokens t = config.tokens();
    int[] controls = {
      t.transcribe(),
      t.translate(),
      t.startOfTranscript(),
      t.startOfPrev(),
      t.startOfLm(),
      t.noSpeech()
    };
    int[] languages = config.languages().values().stream().mapToInt(Integer::intValue).toArray();
    this.suppressed =
        Arrays.stream(concat(config.suppressTokens(), controls, languages))
            .filter(id -> id >= 0 && id < config.vocabularySize())
            .distinct()
            .toArray();
  }

  /**
   * Applies every rule for the next token after {@code sampled} (tokens after the prompt).
   *
   * @param lastTimestamp index of the latest timestamp allowed (the end of the audio), or -1 for no
   *     limit
   */
  void apply(float[] logits, List<Integer> sampled, int lastTimestamp) {
    if (sampled.isEmpty()) {
      for (int id : beginSuppressed) {
        logits[id] = Float.NEGATIVE_INFINITY;
      }
    }
    for (int id : suppressed) {
      logits[id] = Float.NEGATIVE_INFINITY;
    }
    if (timestamps) {
      int end = lastTimestamp < 0 ? logits.length : tokens.timestampBegin() + lastTimestamp + 1;
      if (end < logits.length) {
        Arrays.fill(logits, end, logits.length, Float.NEGATIVE_INFINITY);
      }
      applyTimestampRules(logits, sampled);
    } else {
      Arrays.fill(logits, tokens.noTimestamps(), logits.length, Float.NEGATIVE_INFINITY);
    }
  }

  private void applyTimestampRules(float[] logits, List<Integer> sampled) {
    int begin = tokens.timestampBegin();
    logits[tokens.noTimestamps()] = Float.NEGATIVE_INFINITY;
    int n = sampled.size();
    boolean lastWasTimestamp = n >= 1 && sampled.get(n - 1) >= begin;
    boolean penultimateWasTimestamp = n < 2 || sampled.get(n - 2) >= begin;
    if (lastWasTimestamp) {
      if (penultimateWasTimestamp) {
        Arrays.fill(logits, begin, logits.length, Float.NEGATIVE_INFINITY);
      } else {
        Arrays.fill(logits, 0, tokens.endOfText(), Float.NEGATIVE_INFINITY);
      }
    }
    int lastTimestamp = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (sampled.get(i) >= begin) {
        lastTimestamp = sampled.get(i);
        break;
      }
    }
    if (lastTimestamp >= 0) {
      // Never backwards; and a segment must have a length, or decoding could loop forever.
      int firstAllowed =
          lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1;
      Arrays.fill(logits, begin, Math.min(firstAllowed, logits.length), Float.NEGATIVE_INFINITY);
    }
    if (n == 0) {
      Arrays.fill(logits, 0, begin, Float.NEGATIVE_INFINITY);
      int lastAllowed = begin + maxInitialTimestampIndex;
      if (lastAllowed + 1 < logits.length) {
        Arrays.fill(logits, lastAllowed + 1, logits.length, Float.NEGATIVE_INFINITY);
      }
    }
    // Comparing log-probabilities needs no normalisation: log Z cancels on both sides.
    double timestampMass = Numerics.logSumExp(logits, begin, logits.length);
    double bestText = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < begin; i++) {
      bestText = Math.max(bestText, logits[i]);
    }
    if (timestampMass > bestText) {
      Arrays.fill(logits, 0, begin, Float.NEGATIVE_INFINITY);
    }
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }
}
