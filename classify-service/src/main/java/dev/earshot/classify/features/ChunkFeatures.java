package dev.earshot.classify.features;

import java.util.List;

/**
 * Everything computed from one chunk: per-frame series for charts, the log-mel spectrogram and
 * MFCCs (frames × bands) for spectrogram models, onset times, and the fixed-length summary vector.
 *
 * @param durationSeconds length of the analysed audio
 * @param hopSeconds time between frames of every series
 * @param series per-frame scalar features in a fixed order (pitch is NaN where unvoiced)
 * @param logMel log-mel energies in dB, [frames][melBands]
 * @param mfcc cepstral coefficients, [frames][mfccCoefficients]
 * @param onsetSeconds times of detected onsets
 * @param summary the fixed-length vector summarising all of the above
 */
public record ChunkFeatures(
    double durationSeconds,
    double hopSeconds,
    List<Series> series,
    float[][] logMel,
    float[][] mfcc,
    double[] onsetSeconds,
    FeatureVector summary) {

  /** A named per-frame series. */
  public record Series(String name, float[] values) {}

  public ChunkFeatures {
    series = List.copyOf(series);
  }

  public int frames() {
    return logMel.length;
  }

  public Series series(String name) {
    return series.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no series named " + name));
  }
}
