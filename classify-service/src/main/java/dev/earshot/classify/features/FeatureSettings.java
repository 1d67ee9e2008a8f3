package dev.earshot.classify.features;

/**
 * How audio becomes features: frame and hop sizes, mel bands, MFCC coefficients and the pitch
 * range. Validated on construction so a bad configuration fails before any audio is read.
 *
 * @param sampleRate input sample rate in Hz; chunks on Kafka are 16 kHz
 * @param frameSize samples per analysis frame (32 ms at 16 kHz), a power of two for the FFTs
 * @param hopSize samples between frame starts
 * @param melBands mel filters between 0 Hz and the Nyquist frequency
 * @param mfccCoefficients cepstral coefficients kept, the 0th included
 * @param rolloffFraction share of spectral magnitude below the roll-off frequency
 * @param minPitchHz lowest pitch accepted from YIN; lower estimates count as unvoiced
 * @param maxPitchHz highest pitch accepted from YIN
 */
public record FeatureSettings(
    int sampleRate,
    int frameSize,
    int hopSize,
    int melBands,
    int mfccCoefficients,
    double rolloffFraction,
    double minPitchHz,
    double maxPitchHz) {

  /** 16 kHz, 512-sample frames every 256 samples, 64 mel bands, 13 MFCCs, pitch 65–1000 Hz. */
  public static final FeatureSettings DEFAULT =
      new FeatureSettings(16_000, 512, 256, 64, 13, 0.85, 65.0, 1000.0);

  public FeatureSettings {
    if (sampleRate < 8_000 || sampleRate > 192_000) {
      throw new IllegalArgumentException("sampleRate must be 8000..192000 Hz: " + sampleRate);
    }
    if (frameSize < 64 || Integer.bitCount(frameSize) != 1) {
      throw new IllegalArgumentException("frameSize must be a power of two >= 64: " + frameSize);
    }
    if (hopSize <= 0 || hopSize > frameSize) {
      throw new IllegalArgumentException("hopSize must be 1..frameSize: " + hopSize);
    }
    if (melBands < 8 || melBands > frameSize / 4) {
      throw new IllegalArgumentException(
          "melBands must be 8.." + frameSize / 4 + " for frameSize " + frameSize + ": " + melBands);
    }
    if (mfccCoefficients < 2 || mfccCoefficients > melBands) {
      throw new IllegalArgumentException(
          "mfccCoefficients must be 2..melBands: " + mfccCoefficients);
    }
    if (!(rolloffFraction > 0.0 && rolloffFraction < 1.0)) {
      throw new IllegalArgumentException("rolloffFraction must be in (0, 1): " + rolloffFraction);
    }
    if (!(minPitchHz > 0.0 && minPitchHz < maxPitchHz && maxPitchHz < sampleRate / 2.0)) {
      throw new IllegalArgumentException(
          "pitch range must satisfy 0 < min < max < Nyquist: " + minPitchHz + ".." + maxPitchHz);
    }
    // YIN needs two periods of the lowest pitch inside one frame.
    if (2.0 * sampleRate / minPitchHz > frameSize) {
      throw new IllegalArgumentException(
          "minPitchHz "
              + minPitchHz
              + " needs frames of at least "
              + (int) Math.ceil(2.0 * sampleRate / minPitchHz)
              + " samples; frameSize is "
              + frameSize);
    }
  }

  /** Seconds between frame starts. */
  public double hopSeconds() {
    return (double) hopSize / sampleRate;
  }

  public int spectrumBins() {
    return frameSize / 2 + 1;
  }
}
