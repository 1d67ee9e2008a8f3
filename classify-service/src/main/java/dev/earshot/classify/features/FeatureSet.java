package dev.earshot.classify.features;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a classifier reads from a chunk. */
public enum FeatureSet {
  /** The summary vector of {@link FeatureExtractor}: spectral shape, MFCCs, pitch, onsets. */
  HANDCRAFTED("handcrafted"),
  /** The mean-pooled Whisper encoder output. */
  WHISPER("whisper"),
  /** Both vectors side by side. */
  COMBINED("combined"),
  /** A fixed-size log-mel spectrogram window, for convolutional networks. */
  LOG_MEL("log-mel");

  private final String id;

  FeatureSet(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public boolean needsWhisper() {
    return this == WHISPER || this == COMBINED;
  }

  public static FeatureSet of(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (FeatureSet set : values()) {
      if (set.id.equals(wanted)) {
        return set;
      }
    }
    throw new IllegalArgumentException(
        "unknown feature set '"
            + id
            + "'; one of "
            + Arrays.stream(values()).map(FeatureSet::id).collect(Collectors.joining(", ")));
  }
}
