package dev.earshot.whisper;

import java.util.Arrays;

/**
 * How a window is decoded; the defaults are those of OpenAI's reference transcribe(): greedy at
 * temperature 0, sampling with best-of-5 on fallback.
 *
 * @param task transcribe in the spoken language, or translate to English
 * @param language ISO code such as "en" to force, or null to detect
 * @param timestamps predict segment timestamps (otherwise one segment per window)
 * @param wordTimestamps time each word by the decoder's cross-attention, where the model files
 *     allow it ({@link WhisperModel#timesWords()}): one more decoder pass per window
 * @param beamSize 1 for greedy decoding, more for beam search (at temperature 0)
 * @param bestOf samples drawn at each non-zero fallback temperature
 * @param temperatures tried in order until the output passes the thresholds
 * @param compressionRatioThreshold a gzip ratio above this means repetitive text: fall back
 * @param logProbThreshold an average token log-probability below this means unsure: fall back
 * @param noSpeechThreshold with a low log-probability, a no-speech probability above this means
 *     silence: the window's text is empty
 * @param maxTokens most tokens sampled per window
 * @param maxInitialTimestamp the first timestamp may not be later than this (seconds)
 * @param seed for sampling at temperatures above zero, so results are reproducible
 * @param guards rules for short clips and unsure language detection beyond the reference's
 */
public record DecodingOptions(
    Task task,
    String language,
    boolean timestamps,
    boolean wordTimestamps,
    int beamSize,
    int bestOf,
    double[] temperatures,
    double compressionRatioThreshold,
    double logProbThreshold,
    double noSpeechThreshold,
    int maxTokens,
    double maxInitialTimestamp,
    long seed,
    Guards guards,
    String initialPrompt) {

  /** What the decoder is asked to do. */
  public enum Task {
    TRANSCRIBE,
    TRANSLATE
  }

  public DecodingOptions {
    if (task == null) {
      throw new IllegalArgumentException("task is required (TRANSCRIBE or TRANSLATE)");
    }
    if (beamSize < 1 || bestOf < 1) {
      throw new IllegalArgumentException(
          "beamSize and bestOf must be >= 1, got " + beamSize + " and " + bestOf);
    }
    if (temperatures == null || temperatures.length == 0) {
      throw new IllegalArgumentException("at least one temperature is needed");
    }
    for (double t : temperatures) {
      if (t < 0 || Double.isNaN(t)) {
        throw new IllegalArgumentException("temperatures must be >= 0, got " + t);
      }
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
    }
    temperatures = temperatures.clone();
    if (language != null && language.isBlank()) {
      language = null;
    }
    guards = guards == null ? Guards.none() : guards;
    if (initialPrompt != null && initialPrompt.isBlank()) {
      initialPrompt = null;
    }
  }

  public static DecodingOptions defaults() {
    return new DecodingOptions(
        Task.TRANSCRIBE,
        null,
        true,
        true,
        1,
        5,
        new double[] {0.0, 0.2, 0.4, 0.6, 0.8, 1.0},
        2.4,
        -1.0,
        0.6,
        224,
        1.0,
        0,
        Guards.defaults(),
        null);
  }

  public DecodingOptions withLanguage(String code) {
    return with(c -> c.language = code);
  }

  public DecodingOptions withTask(Task newTask) {
    return with(c -> c.task = newTask);
  }

  public DecodingOptions withTimestamps(boolean on) {
    return with(c -> c.timestamps = on);
  }

  public DecodingOptions withWordTimestamps(boolean on) {
    return with(c -> c.wordTimestamps = on);
  }

  public DecodingOptions withBeamSize(int beams) {
    return with(c -> c.beamSize = beams);
  }

  public DecodingOptions withTemperatures(double... values) {
    return with(c -> c.temperatures = values);
  }

  public DecodingOptions withMaxTokens(int tokens) {
    return with(c -> c.maxTokens = tokens);
  }

  public DecodingOptions withGuards(Guards rules) {
    return with(c -> c.guards = rules);
  }

  /**
   * Text that comes before the audio (OpenAI's {@code initial_prompt}), fed to the decoder after
   * {@code <|startofprev|>}: it steers spelling, names and style.
   */
  public DecodingOptions withInitialPrompt(String prompt) {
    return with(c -> c.initialPrompt = prompt);
  }

  /** This with one setting changed; the record's constructor checks the result. */
  private DecodingOptions with(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new DecodingOptions(
        c.task,
        c.language,
        c.timestamps,
        c.wordTimestamps,
        c.beamSize,
        c.bestOf,
        c.temperatures,
        c.compressionRatioThreshold,
        c.logProbThreshold,
        c.noSpeechThreshold,
        c.maxTokens,
        c.maxInitialTimestamp,
        c.seed,
        c.guards,
        c.initialPrompt);
  }

  /** The settings as fields to change one of. */
  private static final class Copy {
    Task task;
    String language;
    boolean timestamps;
    boolean wordTimestamps;
    int beamSize;
    int bestOf;
    double[] temperatures;
    double compressionRatioThreshold;
    double logProbThreshold;
    double noSpeechThreshold;
    int maxTokens;
    double maxInitialTimestamp;
    long seed;
    Guards guards;
    String initialPrompt;

    Copy(DecodingOptions o) {
      task = o.task;
      language = o.language;
      timestamps = o.timestamps;
      wordTimestamps = o.wordTimestamps;
      beamSize = o.beamSize;
      bestOf = o.bestOf;
      temperatures = o.temperatures;
      compressionRatioThreshold = o.compressionRatioThreshold;
      logProbThreshold = o.logProbThreshold;
      noSpeechThreshold = o.noSpeechThreshold;
      maxTokens = o.maxTokens;
      maxInitialTimestamp = o.maxInitialTimestamp;
      seed = o.seed;
      guards = o.guards;
      initialPrompt = o.initialPrompt;
    }
  }

  @Override
  public double[] temperatures() {
    return temperatures.clone();
  }

  @Override
  public String toString() {
    return "DecodingOptions[task="
        + task
        + ", language="
        + language
        + ", timestamps="
        + timestamps
        + ", wordTimestamps="
        + wordTimestamps
        + ", beamSize="
        + beamSize
        + ", bestOf="
        + bestOf
        + ", temperatures="
        + Arrays.toString(temperatures)
        + ", maxTokens="
        + maxTokens
        + ", guards="
        + guards
        + "]";
  }
}
