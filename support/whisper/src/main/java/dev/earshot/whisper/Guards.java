package dev.earshot.whisper;

import java.util.List;
import java.util.Objects;

/**
 * Rules beyond OpenAI's reference decoding for what it handles badly: short clips (a word or two in
 * a 30 s window that is mostly padding) and uncertain language detection. Each rule is general:
 * none depends on a word list or a data set.
 *
 * @param timestampsWithinAudio timestamp tokens may not pass the end of the audio (plus one
 *     timestamp step), so a segment cannot run on into the padding
 * @param tokensPerSecond at most {@code baseTokens + tokensPerSecond * seconds} tokens are sampled
 *     for a window (fast speech is about 4 words, 6 tokens, a second); 0 turns the budget off
 * @param baseTokens the budget's allowance for punctuation and timestamps
 * @param shortSeconds windows with less audio than this are "short"
 * @param shortBeamSize beam width for short windows at temperature 0 (beam search is cheap there)
 * @param shortFallback whether a short window that looks unsure falls back to sampling at higher
 *     temperatures; sampling a word or two mostly trades an unsure guess for a random one
 * @param shortWindowSeconds the encoder window for short windows, instead of Whisper's 30 s (0 for
 *     the full window): a word in 30 s that are nearly all padding is far from what Whisper was
 *     trained on, and it fills the rest with invented text; less padding also costs less encoder
 *     time. At least {@code shortSeconds}, at most 30.
 * @param shortDoubt whether a short window the speech detector finds silent, but that is at least
 *     the detector's minimum speech long, goes to Whisper as a doubtful one (kept only if Whisper's
 *     no-speech probability agrees that it is speech): a recurrent detector has little context in a
 *     second or two, and it scores some real voices (narrow-band radio, telephone) as low as noise,
 *     so its silence would drop a whole utterance
 * @param languages the languages detection may choose from; empty for all of the model's
 * @param languageThreshold a detected language less likely than this counts as unsure
 * @param fallbackLanguage the language used when detection is unsure and the recording has no surer
 *     one (e.g. from its earlier chunks); null keeps the unsure detection
 */
public record Guards(
    boolean timestampsWithinAudio,
    double tokensPerSecond,
    int baseTokens,
    double shortSeconds,
    int shortBeamSize,
    boolean shortFallback,
    double shortWindowSeconds,
    boolean shortDoubt,
    List<String> languages,
    double languageThreshold,
    String fallbackLanguage) {

  public Guards {
    if (tokensPerSecond < 0 || baseTokens < 1) {
      throw new IllegalArgumentException(
          "tokensPerSecond must be >= 0 and baseTokens >= 1, got "
              + tokensPerSecond
              + " and "
              + baseTokens);
    }
    if (shortSeconds < 0 || shortBeamSize < 1) {
      throw new IllegalArgumentException(
          "shortSeconds must be >= 0 and shortBeamSize >= 1, got "
              + shortSeconds
              + " and "
              + shortBeamSize);
    }
    if (shortWindowSeconds != 0 && (shortWindowSeconds < shortSeconds || shortWindowSeconds > 30)) {
      throw new IllegalArgumentException(
          "shortWindowSeconds must be 0 or between shortSeconds ("
              + shortSeconds
              + ") and 30, got "
              + shortWindowSeconds);
    }
    if (languageThreshold < 0 || languageThreshold > 1) {
      throw new IllegalArgumentException(
          "languageThreshold must be between 0 and 1, got " + languageThreshold);
    }
    languages = List.copyOf(Objects.requireNonNullElse(languages, List.of()));
    if (fallbackLanguage != null && fallbackLanguage.isBlank()) {
      fallbackLanguage = null;
    }
  }

  /** None of the rules: OpenAI's reference behaviour. */
  public static Guards none() {
    return new Guards(false, 0, 1, 0, 1, true, 0, false, List.of(), 0, null);
  }

  /** The service's defaults (see the README's stt-service settings for how each was chosen). */
  public static Guards defaults() {
    return new Guards(false, 6, 8, 3.0, 1, true, 20, true, List.of(), 0.5, "en");
  }

  /** The most tokens to sample for a window of this length. */
  int tokenBudget(double seconds, int maxTokens) {
    if (tokensPerSecond <= 0) {
      return maxTokens;
    }
    return (int) Math.min(maxTokens, Math.ceil(baseTokens + tokensPerSecond * seconds));
  }

  /** Whether the speech detector's silence only makes this window doubtful. */
  boolean doubtsSilence(double seconds, double minSpeechSeconds) {
    return shortDoubt && isShort(seconds) && seconds >= minSpeechSeconds;
  }

  boolean isShort(double seconds) {
    return seconds < shortSeconds;
  }

  /** Seconds of encoder window for a window of audio this long. */
  double encoderSeconds(double seconds, double fullWindow) {
    return shortWindowSeconds > 0 && isShort(seconds) ? shortWindowSeconds : fullWindow;
  }
}
