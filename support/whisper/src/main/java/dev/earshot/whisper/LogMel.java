package dev.earshot.whisper;

import java.util.Objects;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Mono samples in, Whisper's log-mel spectrogram out: the encoder input {@code input_features} of
 * shape {@code [1, nMels, nFrames]} flattened mel-major; safe for concurrent use.
 */
public final class LogMel {

  private static final double MIN_ENERGY = 1e-10;
  private static final double LOG_MIN_ENERGY = Math.log10(MIN_ENERGY);
  private static final double DYNAMIC_RANGE = 8.0;

  private final int nMels;
  private final int nFft;
  private final int hopLength;
  private final int sampleRate;
  private final int nSamples;
  private final int nFrames;
  private final int bins;
  private final double[] window;
  private final MelFilterbank filters;
  // JTransforms writes its tables only in the constructor, so one plan serves every thread.
  private final DoubleFFT_1D fft;

  /**
   * @param nMels mel bins: 80 for tiny to large-v2, 128 for large-v3
   * @param nFft FFT size and window length in samples; must be even
   * @param hopLength samples between frames
   * @param sampleRate sample rate of the input in Hz; the filterbank spans 0 to its half
   * @param nSamples input length after padding or trimming; gives {@code nSamples / hopLength}
   *     frames
   */
  public LogMel(int nMels, int nFft, int hopLength, int sampleRate, int nSamples) {
    if (nMels <= 0 || hopLength <= 0 || sampleRate <= 0) {
      throw new IllegalArgumentException(
          "nMels, hopLength and sampleRate must be positive: "
              + nMels
              + ", "
              + hopLength
              + ", "
              + sampleRate);
    }
    if (nFft < 2 || nFft % 2 != 0) {
      throw new IllegalArgumentException("nFft must be even and at least 2: " + nFft);
    }
    if (nSamples <= nFft / 2 || nSamples < hopLength) {
      throw new IllegalArgumentException(
          "nSamples must exceed nFft / 2 and hopLength for reflect padding: " + nSamples);
    }
    if ((long) nMels * (nSamples / hopLength) > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("feature matrix too large: " + nMels + " mels");
    }
    this.nMels = nMels;
    this.nFft = nFft;
    this.hopLength = hopLength;
    this.sampleRate = sampleRate;
    this.nSamples = nSamples;
    this.nFrames = nSamples / hopLength;
    this.bins = nFft / 2 + 1;
    this.window = new double[nFft];
    for (int n = 0; n < nFft; n++) {
      window[n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / nFft);
    }
    this.filters = MelFilterbank.slaney(nMels, nFft, sampleRate);
    this.fft = new DoubleFFT_1D(nFft);
  }

  /** Whisper's settings at 16 kHz: n_fft 400, hop 160, 30 s chunks, so 3000 frames. */
  public static LogMel whisper(int nMels) {
    return new LogMel(nMels, 400, 160, 16000, 480_000);
  }

  /** Mel bins, the second dimension of {@code input_features}. */
  public int mels() {
    return nMels;
  }

  /** Frames, the third dimension of {@code input_features} (3000 for Whisper). */
  public int frames() {
    return nFrames;
  }

  /** Samples one chunk is padded or trimmed to (480000 for Whisper). */
  public int samples() {
    return nSamples;
  }

  /** Sample rate the input is expected at. */
  public int sampleRate() {
    return sampleRate;
  }

  /**
   * Features of one chunk; longer input is trimmed, shorter is padded with silence.
   *
   * <p>As OpenAI's {@code log_mel_spectrogram} and Hugging Face's {@code WhisperFeatureExtractor}:
   * centred STFT with reflect padding and a periodic Hann window, power spectrum without the last
   * frame, Slaney mel filterbank, {@code log10(max(x, 1e-10))}, clamp at the maximum minus 8, then
   * {@code (x + 4) / 4}.
   *
   * @return {@code mels() * frames()} values, index {@code mel * frames() + frame}
   */
  public float[] compute(float[] audio) {
    float[] out = new float[nMels * nFrames];
    compute(audio, out, 0);
    return out;
  }

  /**
   * Writes the features of one chunk to {@code out[outOffset .. outOffset + mels() * frames())}, so
   * that a batch [B, nMels, nFrames] can be filled chunk by chunk.
   */
  public void compute(float[] audio, float[] out, int outOffset) {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(out, "out");
    int size = nMels * nFrames;
    Objects.checkFromIndexSize(outOffset, size, out.length);
    int length = Math.min(audio.length, nSamples);
    double[] frame = new double[nFft];
    double[] power = new double[bins];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < nFrames; t++) {
      int base = outOffset + t;
      if (!fillFrame(audio, length, t * hopLength - nFft / 2, frame)) {
        for (int m = 0; m < nMels; m++) {
          out[base + m * nFrames] = (float) LOG_MIN_ENERGY;
        }
        max = Math.max(max, LOG_MIN_ENERGY);
        continue;
      }
      fft.realForward(frame);
      // realForward packs Re[0] and Re[n/2] into the first two slots, then (Re, Im) pairs.
      power[0] = frame[0] * frame[0];
      power[bins - 1] = frame[1] * frame[1];
      for (int k = 1; k < bins - 1; k++) {
        double re = frame[2 * k];
        double im = frame[2 * k + 1];
        power[k] = re * re + im * im;
      }
      for (int m = 0; m < nMels; m++) {
        double energy = filters.apply(m, power);
        double log = energy > MIN_ENERGY ? Math.log10(energy) : LOG_MIN_ENERGY;
        out[base + m * nFrames] = (float) log;
        if (log > max) {
          max = log;
        }
      }
    }
    double floor = max - DYNAMIC_RANGE;
    for (int i = outOffset; i < outOffset + size; i++) {
      out[i] = (float) ((Math.max(out[i], floor) + 4.0) / 4.0);
    }
  }

  /**
   * Fills {@code frame} with the windowed samples starting at {@code first} of the signal padded to
   * {@code nSamples} and reflected at both ends; returns false when they are all zero.
   */
  private boolean fillFrame(float[] audio, int length, int first, double[] frame) {
    boolean sound = false;
    if (first >= 0 && first + nFft <= length) {
      for (int k = 0; k < nFft; k++) {
        float x = audio[first + k];
        sound |= x != 0f;
        frame[k] = x * window[k];
      }
      return sound;
    }
    for (int k = 0; k < nFft; k++) {
      int j = first + k;
      // torch.stft's reflect padding mirrors around the edge sample without repeating it.
      if (j < 0) {
        j = -j;
      } else if (j >= nSamples) {
        j = 2 * (nSamples - 1) - j;
      }
      float x = j < length ? audio[j] : 0f;
      sound |= x != 0f;
      frame[k] = x * window[k];
    }
    return sound;
  }
}
