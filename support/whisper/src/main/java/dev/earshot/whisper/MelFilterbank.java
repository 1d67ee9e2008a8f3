package dev.earshot.whisper;

import java.util.Arrays;

/**
 * Slaney-style triangular mel filters over the bins of a real FFT, stored as non-zero spans; shared
 * by Whisper's front end and the classifier features. Immutable.
 */
public final class MelFilterbank {

  private static final double F_SP = 200.0 / 3.0; // Hz per mel on the linear part
  private static final double MIN_LOG_HZ = 1000.0;
  private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
  private static final double LOG_STEP = Math.log(6.4) / 27.0;

  private final int bins;
  private final int[] start;
  private final double[][] weights;

  private MelFilterbank(int bins, int[] start, double[][] weights) {
    this.bins = bins;
    this.start = start;
    this.weights = weights;
  }

  /**
   * The filters of librosa.filters.mel(sr, n_fft, n_mels, fmin=0, fmax=sr/2, htk=False,
   * norm='slaney'), which OpenAI used to make Whisper's mel_filters.npz.
   */
  public static MelFilterbank slaney(int nMels, int nFft, int sampleRate) {
    int bins = nFft / 2 + 1;
    double nyquist = sampleRate / 2.0;
    double[] fftFreqs = new double[bins];
    for (int k = 0; k < bins; k++) {
      fftFreqs[k] = nyquist * k / (bins - 1);
    }
    double melMin = hzToMel(0.0);
    double melMax = hzToMel(nyquist);
    double[] hz = new double[nMels + 2];
    for (int i = 0; i < hz.length; i++) {
      hz[i] = melToHz(melMin + (melMax - melMin) * i / (nMels + 1));
    }
    int[] start = new int[nMels];
    double[][] weights = new double[nMels][];
    for (int m = 0; m < nMels; m++) {
      double lower = hz[m + 1] - hz[m];
      double upper = hz[m + 2] - hz[m + 1];
      // Slaney normalisation gives every triangle the same area rather than the same peak.
      double norm = 2.0 / (hz[m + 2] - hz[m]);
      double[] row = new double[bins];
      int first = -1;
      int last = -1;
      for (int k = 0; k < bins; k++) {
        double rising = (fftFreqs[k] - hz[m]) / lower;
        double falling = (hz[m + 2] - fftFreqs[k]) / upper;
        double w = Math.max(0.0, Math.min(rising, falling)) * norm;
        row[k] = w;
        if (w > 0.0) {
          if (first < 0) {
            first = k;
          }
          last = k;
        }
      }
      // With many mels and a coarse FFT a filter can fall between two bins and stay empty.
      start[m] = first < 0 ? 0 : first;
      weights[m] = first < 0 ? new double[0] : Arrays.copyOfRange(row, first, last + 1);
    }
    return new MelFilterbank(bins, start, weights);
  }

  public static double hzToMel(double hz) {
    return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
  }

  public static double melToHz(double mel) {
    return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
  }

  public int mels() {
    return weights.length;
  }

  public int bins() {
    return bins;
  }

  /** Energy of filter {@code mel} for a power spectrum of {@link #bins()} values. */
  public double apply(int mel, double[] power) {
    double[] w = weights[mel];
    int offset = start[mel];
    double sum = 0.0;
    for (int k = 0; k < w.length; k++) {
      sum += w[k] * power[offset + k];
    }
    return sum;
  }

  /** The full [mels, bins] matrix, zeros included. */
  public double[][] dense() {
    double[][] out = new double[weights.length][bins];
    for (int m = 0; m < weights.length; m++) {
      System.arraycopy(weights[m], 0, out[m], start[m], weights[m].length);
    }
    return out;
  }
}
