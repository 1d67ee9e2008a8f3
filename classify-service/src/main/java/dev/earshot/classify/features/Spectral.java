package dev.earshot.classify.features;

import dev.earshot.whisper.MelFilterbank;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One frame of samples in, spectral descriptors out: power spectrum, centroid, bandwidth, roll-off,
 * flatness, log-mel energies and MFCCs. The definitions are librosa's (magnitude spectrum for the
 * shape descriptors, power for flatness and mel, DCT-II with orthonormal scaling for MFCC) so the
 * numbers can be checked against an independent implementation. Safe for concurrent use.
 */
public final class Spectral {

  /** Floor for energies before a logarithm, as in librosa ({@code amin}). */
  static final double MIN_ENERGY = 1e-10;

  private final FeatureSettings settings;
  private final double[] window;
  private final double[] frequencies;
  private final MelFilterbank mel;
  private final double[][] dct;
  // JTransforms writes its tables only in the constructor, so one plan serves every thread.
  private final DoubleFFT_1D fft;

  public Spectral(FeatureSettings settings) {
    this.settings = settings;
    int n = settings.frameSize();
    window = new double[n];
    for (int i = 0; i < n; i++) {
      // Periodic Hann, as scipy.signal.get_window('hann', n) and librosa use.
      window[i] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / n);
    }
    int bins = settings.spectrumBins();
    frequencies = new double[bins];
    for (int k = 0; k < bins; k++) {
      frequencies[k] = (double) k * settings.sampleRate() / n;
    }
    mel = MelFilterbank.slaney(settings.melBands(), n, settings.sampleRate());
    dct = dctOrtho(settings.mfccCoefficients(), settings.melBands());
    fft = new DoubleFFT_1D(n);
  }

  public FeatureSettings settings() {
    return settings;
  }

  /** Frequency in Hz of each power-spectrum bin. */
  public double[] frequencies() {
    return frequencies.clone();
  }

  /** |FFT|² of the Hann-windowed frame, {@code frameSize / 2 + 1} bins. */
  public double[] powerSpectrum(float[] frame) {
    int n = settings.frameSize();
    if (frame.length != n) {
      throw new IllegalArgumentException("frame has " + frame.length + " samples, expected " + n);
    }
    double[] buffer = new double[n];
    for (int i = 0; i < n; i++) {
      buffer[i] = frame[i] * window[i];
    }
    fft.realForward(buffer);
    double[] power = new double[n / 2 + 1];
    // realForward packs Re[0], Re[n/2], then Re/Im pairs.
    power[0] = buffer[0] * buffer[0];
    power[n / 2] = buffer[1] * buffer[1];
    for (int k = 1; k < n / 2; k++) {
      double re = buffer[2 * k];
      double im = buffer[2 * k + 1];
      power[k] = re * re + im * im;
    }
    return power;
  }

  /** Magnitude-weighted mean frequency in Hz; 0 for a silent frame. */
  public double centroid(double[] power) {
    double weighted = 0.0;
    double total = 0.0;
    for (int k = 0; k < power.length; k++) {
      double magnitude = Math.sqrt(power[k]);
      weighted += frequencies[k] * magnitude;
      total += magnitude;
    }
    return total > 0.0 ? weighted / total : 0.0;
  }

  /** Magnitude-weighted standard deviation of frequency around the centroid in Hz. */
  public double bandwidth(double[] power, double centroid) {
    double weighted = 0.0;
    double total = 0.0;
    for (int k = 0; k < power.length; k++) {
      double magnitude = Math.sqrt(power[k]);
      double d = frequencies[k] - centroid;
      weighted += magnitude * d * d;
      total += magnitude;
    }
    return total > 0.0 ? Math.sqrt(weighted / total) : 0.0;
  }

  /** Lowest bin frequency below which {@code rolloffFraction} of the magnitude lies. */
  public double rolloff(double[] power) {
    double total = 0.0;
    for (double p : power) {
      total += Math.sqrt(p);
    }
    if (total <= 0.0) {
      return 0.0;
    }
    double threshold = settings.rolloffFraction() * total;
    double cumulative = 0.0;
    for (int k = 0; k < power.length; k++) {
      cumulative += Math.sqrt(power[k]);
      if (cumulative >= threshold) {
        return frequencies[k];
      }
    }
    return frequencies[power.length - 1];
  }

  /**
   * Geometric over arithmetic mean of the power spectrum: near 0 for tones, about 0.56 for noise.
   */
  public double flatness(double[] power) {
    double logSum = 0.0;
    double sum = 0.0;
    for (double p : power) {
      double floored = Math.max(MIN_ENERGY, p);
      logSum += Math.log(floored);
      sum += floored;
    }
    return Math.exp(logSum / power.length) / (sum / power.length);
  }

  /** Mel band energies in dB, {@code 10 log10(max(1e-10, energy))}. */
  public double[] logMel(double[] power) {
    double[] out = new double[mel.mels()];
    for (int m = 0; m < out.length; m++) {
      out[m] = 10.0 * Math.log10(Math.max(MIN_ENERGY, mel.apply(m, power)));
    }
    return out;
  }

  /** The first {@code mfccCoefficients} of the orthonormal DCT-II of the log-mel energies. */
  public double[] mfcc(double[] logMelDb) {
    double[] out = new double[dct.length];
    for (int k = 0; k < dct.length; k++) {
      double sum = 0.0;
      double[] row = dct[k];
      for (int m = 0; m < row.length; m++) {
        sum += row[m] * logMelDb[m];
      }
      out[k] = sum;
    }
    return out;
  }

  private static double[][] dctOrtho(int coefficients, int inputs) {
    double[][] matrix = new double[coefficients][inputs];
    for (int k = 0; k < coefficients; k++) {
      double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / inputs);
      for (int m = 0; m < inputs; m++) {
        matrix[k][m] = scale * Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * inputs));
      }
    }
    return matrix;
  }
}
