package dev.earshot.classify.whisper;

import dev.earshot.whisper.EncodedAudio;
import dev.earshot.whisper.LogMel;
import dev.earshot.whisper.WhisperConfig;
import dev.earshot.whisper.WhisperModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Mono 16 kHz samples in, the Whisper encoder's hidden states mean-pooled over the frames that hold
 * audio out: a {@code d_model}-long vector (384 for tiny, 512 for base) on which a small classifier
 * head can be trained with little data. Uses the same ONNX encoder as stt-service.
 *
 * <p>The encoder sees one window of {@value #WINDOW_SECONDS} s, not Whisper's 30 s. The encoder's
 * cost grows with its window (attention with its square), and most of a 30 s window around a 1 s
 * word is padding: a 10 s window costs about a fifth of a 30 s one. A longer chunk still costs one
 * such pass: it is cut into as many equal parts as windows it would fill, and the window is filled
 * with the loudest stretch of each part, end to end, so every part of the chunk is heard. (Pooling
 * a window per part labelled 30 s chunks of real sounds about as well, 92 of 95 against 91, at
 * three times the cost; the single loudest window only 88.) The heads are trained on clips shorter
 * than the window, embedded exactly this way, so what is served is what was learnt.
 */
public final class WhisperEmbedding {

  /** Longest stretch of audio the encoder sees at once; shorter audio is padded to it. */
  public static final double WINDOW_SECONDS = 10;

  /** Step between the candidate stretches of a part of a longer chunk: 100 ms. */
  private static final int STEP_SAMPLES = 1_600;

  /**
   * A chunk's encoder states.
   *
   * @param states the hidden states, [1, positions, d]
   * @param audioPositions positions that cover audio (the rest only see padding)
   */
  public record Encoded(EncodedAudio states, int audioPositions) {}

  private final WhisperModel model;
  private final LogMel windowMel;
  private final int windowSamples;

  public WhisperEmbedding(WhisperModel model) {
    this.model = model;
    WhisperConfig config = model.config();
    if (model.takesShortWindows()) {
      this.windowSamples = (int) (WINDOW_SECONDS * config.sampleRate());
      // Whisper's STFT (n_fft 400, hop 160) over the shorter window: its frames are the first
      // frames of the 30 s features, as the padding after the audio is silence either way.
      this.windowMel = new LogMel(config.melBins(), 400, 160, config.sampleRate(), windowSamples);
    } else {
      this.windowSamples = config.windowSamples();
      this.windowMel = model.logMel();
    }
  }

  public WhisperModel model() {
    return model;
  }

  /** Length of the vectors {@link #embed} returns. */
  public int dimensions() {
    return model.config().decoderHeads() * model.config().headSize();
  }

  /** Seconds of audio per encoder window: {@value #WINDOW_SECONDS}, or 30 for a fixed encoder. */
  public double windowSeconds() {
    return (double) windowSamples / model.config().sampleRate();
  }

  /** Names of the embedding's dimensions, for feature vectors. */
  public List<String> names() {
    String prefix = model.config().name().replaceAll("[^A-Za-z0-9]+", "-") + ".";
    List<String> out = new ArrayList<>();
    for (int i = 0; i < dimensions(); i++) {
      out.add(prefix + i);
    }
    return out;
  }

  /**
   * @param samples at most 30 s of mono audio at the model's sample rate
   * @return the mean of the encoder states over the positions covering the audio
   */
  public float[] embed(float[] samples) {
    return pool(encode(samples));
  }

  /**
   * Runs the encoder once: over the whole chunk when it fits one window, else over the loudest
   * stretch of each of its parts, end to end.
   *
   * @param samples at most 30 s of mono audio at the model's sample rate
   */
  public Encoded encode(float[] samples) {
    WhisperConfig config = model.config();
    if (samples.length == 0) {
      throw new IllegalArgumentException("no audio to embed: 0 samples");
    }
    if (samples.length > config.windowSamples()) {
      throw new IllegalArgumentException(
          "at most "
              + config.windowSamples()
              + " samples fit one Whisper window, got "
              + samples.length);
    }
    float[] window = fill(samples, windowSamples);
    int frames = windowMel.frames();
    float[] features = windowMel.compute(window);
    // encoder input [1, melBins, frames] -> last_hidden_state [1, frames / 2, d]
    EncodedAudio encoded =
        frames == config.melFrames()
            ? model.encode(features, 1)
            : model.encode(features, 1, frames);
    // The encoder halves the mel frame rate; positions past the audio only see padding.
    int samplesPerPosition = 2 * (windowMel.samples() / frames);
    int positions =
        Math.min(
            encoded.positions(),
            Math.max(1, (window.length + samplesPerPosition - 1) / samplesPerPosition));
    return new Encoded(encoded, positions);
  }

  /**
   * The samples the encoder sees: all of them when they fit {@code window}; otherwise the chunk is
   * cut into {@code k = ceil(n / window)} equal parts and the loudest {@code window / k} samples of
   * each (on a 100 ms grid, the earliest of equals) are put end to end. A sound that crosses from
   * one part into the next stays whole when both stretches sit at the cut.
   */
  static float[] fill(float[] samples, int window) {
    if (samples.length <= window) {
      return samples;
    }
    int parts = (samples.length + window - 1) / window;
    int partLength = (samples.length + parts - 1) / parts;
    int stretch = window / parts;
    double[] cumulative = new double[samples.length + 1];
    for (int i = 0; i < samples.length; i++) {
      cumulative[i + 1] = cumulative[i] + (double) samples[i] * samples[i];
    }
    float[] out = new float[stretch * parts];
    for (int p = 0; p < parts; p++) {
      int partStart = p * partLength;
      int partEnd = Math.min(samples.length, partStart + partLength);
      int last = Math.max(partStart, partEnd - stretch);
      int best = partStart;
      double bestEnergy = -1;
      for (int from = partStart; ; from = Math.min(last, from + STEP_SAMPLES)) {
        double energy = cumulative[Math.min(samples.length, from + stretch)] - cumulative[from];
        if (energy > bestEnergy) {
          bestEnergy = energy;
          best = from;
        }
        if (from == last) {
          break;
        }
      }
      int copied = Math.min(stretch, samples.length - best);
      System.arraycopy(samples, best, out, p * stretch, copied);
    }
    return out;
  }

  /** The mean of the states over every position that covers audio. */
  public float[] pool(Encoded encoded) {
    int width = encoded.states().width();
    double[] sum = new double[width];
    float[] values = encoded.states().itemValues(0);
    for (int p = 0; p < encoded.audioPositions(); p++) {
      int offset = p * width;
      for (int i = 0; i < width; i++) {
        sum[i] += values[offset + i];
      }
    }
    float[] mean = new float[width];
    for (int i = 0; i < width; i++) {
      mean[i] = (float) (sum[i] / encoded.audioPositions());
    }
    return mean;
  }
}
