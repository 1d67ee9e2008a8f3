package dev.earshot.whisper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds speech in 16 kHz audio with the Silero VAD v5 model, so windows of silence or noise skip
 * Whisper instead of making it invent text ("Thank you for watching!"). Speech is found the way
 * Silero's own get_speech_timestamps does: it starts above the threshold, ends after 100 ms below
 * the threshold minus 0.15, and counts only when it lasts long enough. Thread-safe.
 *
 * <p>Model tensors: {@code input} [1, 64 + 512] (64 samples of context, then a 32 ms frame), {@code
 * state} [2, 1, 128] carried from frame to frame, {@code sr} int64; output {@code output} [1, 1]
 * speech probability and {@code stateN}.
 */
public final class SpeechDetector implements AutoCloseable {

  private static final int RATE = 16000;
  private static final int FRAME = 512;
  private static final int CONTEXT = 64;
  private static final int MIN_SILENCE = RATE / 10;

  /**
   * @param threshold speech probability that starts speech
   * @param minSpeechSeconds shorter bursts are not speech
   */
  public record Settings(double threshold, double minSpeechSeconds) {
    public Settings {
      if (!(threshold > 0.15 && threshold < 1)) {
        throw new IllegalArgumentException("VAD threshold must be in (0.15, 1), got " + threshold);
      }
      if (minSpeechSeconds < 0) {
        throw new IllegalArgumentException(
            "minimum speech must be >= 0 s, got " + minSpeechSeconds);
      }
    }

    public static Settings defaults() {
      return new Settings(0.5, 0.25);
    }
  }

  private final OrtEnvironment env;
  private final OrtSession session;
  private final Settings settings;

  private SpeechDetector(OrtEnvironment env, OrtSession session, Settings settings) {
    this.env = env;
    this.session = session;
    this.settings = settings;
  }

  /**
   * Loads the Silero VAD ONNX file.
   *
   * @throws WhisperModelException naming the file when it is missing or not a Silero model
   */
  public static SpeechDetector load(Path onnxFile, Settings settings) {
    if (!Files.isRegularFile(onnxFile)) {
      throw new WhisperModelException("Speech detector model missing: " + onnxFile);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // The model is tiny and runs frame by frame: one thread avoids scheduling overhead.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = env.createSession(onnxFile.toString(), options);
      if (!session.getInputNames().containsAll(java.util.Set.of("input", "state", "sr"))) {
        session.close();
        throw new WhisperModelException(onnxFile + " is not a Silero VAD v5 model");
      }
      return new SpeechDetector(env, session, settings);
    } catch (OrtException e) {
      throw new WhisperModelException(
          "Speech detector model " + onnxFile + " cannot be loaded: " + e.getMessage(), e);
    }
  }

  /** Speech probability of each 32 ms frame. */
  public float[] frameProbabilities(float[] audio) {
    int frames = audio.length / FRAME;
    float[] probabilities = new float[frames];
    float[] input = new float[CONTEXT + FRAME];
    float[] state = new float[2 * 128];
    try (OnnxTensor rate = OnnxTensor.createTensor(env, (long) RATE)) {
      for (int f = 0; f < frames; f++) {
        System.arraycopy(input, FRAME, input, 0, CONTEXT);
        System.arraycopy(audio, f * FRAME, input, CONTEXT, FRAME);
        try (OnnxTensor x =
                OnnxTensor.createTensor(
                    env, FloatBuffer.wrap(input), new long[] {1, input.length});
            OnnxTensor h =
                OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[] {2, 1, 128});
            OrtSession.Result result = session.run(Map.of("input", x, "state", h, "sr", rate))) {
          probabilities[f] = ((float[][]) result.get(0).getValue())[0][0];
          ((OnnxTensor) result.get(1)).getFloatBuffer().get(state);
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("Speech detector failed: " + e.getMessage(), e);
    }
    return probabilities;
  }

  /** What the detector makes of a window. */
  public enum Verdict {
    /** Speech as Silero's get_speech_timestamps finds it. */
    SPEECH,
    /**
     * No such speech, but some frame reaches the level at which Silero lets speech go on (the
     * threshold minus 0.15): a word too short for the minimum or cut by the window's edge, or a
     * voice the model hears poorly (narrow-band radio and telephone voices peak at 0.4-0.6). The
     * recogniser should judge it.
     */
    DOUBTFUL,
    SILENCE
  }

  public Verdict judge(float[] audio) {
    float[] probs = frameProbabilities(audio);
    if (speechSeconds(probs, audio.length) > 0) {
      return Verdict.SPEECH;
    }
    double negative = continuationLevel();
    for (float p : probs) {
      if (p >= negative) {
        return Verdict.DOUBTFUL;
      }
    }
    return Verdict.SILENCE;
  }

  /** The probability below which Silero ends speech that has started: the threshold minus 0.15. */
  private double continuationLevel() {
    return settings.threshold() - 0.15;
  }

  /** Shorter bursts are not speech. */
  public double minSpeechSeconds() {
    return settings.minSpeechSeconds();
  }

  /** Seconds of speech in the audio. */
  public double speechSeconds(float[] audio) {
    return speechSeconds(frameProbabilities(audio), audio.length);
  }

  private double speechSeconds(float[] probs, int samples) {
    double threshold = settings.threshold();
    double negative = continuationLevel();
    int minSpeech = (int) Math.round(settings.minSpeechSeconds() * RATE);
    long total = 0;
    boolean triggered = false;
    int start = 0;
    int tentativeEnd = -1;
    for (int i = 0; i < probs.length; i++) {
      int at = i * FRAME;
      if (probs[i] >= threshold) {
        tentativeEnd = -1;
        if (!triggered) {
          triggered = true;
          start = at;
        }
        continue;
      }
      if (triggered && probs[i] < negative) {
        if (tentativeEnd < 0) {
          tentativeEnd = at;
        }
        if (at - tentativeEnd >= MIN_SILENCE) {
          if (tentativeEnd - start > minSpeech) {
            total += tentativeEnd - start;
          }
          triggered = false;
          tentativeEnd = -1;
        }
      }
    }
    if (triggered && samples - start > minSpeech) {
      total += samples - start;
    }
    return total / (double) RATE;
  }

  public boolean hasSpeech(float[] audio) {
    return speechSeconds(audio) > 0;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
