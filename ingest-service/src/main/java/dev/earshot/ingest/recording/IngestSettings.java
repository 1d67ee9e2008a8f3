package dev.earshot.ingest.recording;

import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.chunk.PipelineSettings;
import dev.earshot.audio.dsp.Normalization;
import java.time.Duration;
import java.util.Objects;

/** Everything that decides what chunks a recording becomes and how they are published. */
public record IngestSettings(
    PipelineSettings pipeline,
    Normalization normalization,
    PcmEncoding encoding,
    Duration maxDuration,
    int maxInFlight,
    Duration publishTimeout) {

  public IngestSettings {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(normalization, "normalization");
    Objects.requireNonNull(encoding, "encoding");
    if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException(
          "ingest.max-duration must be positive, got " + maxDuration);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "ingest.publish.max-in-flight must be >= 1, got " + maxInFlight);
    }
    if (publishTimeout == null || publishTimeout.isNegative() || publishTimeout.isZero()) {
      throw new IllegalArgumentException(
          "ingest.publish.timeout must be positive, got " + publishTimeout);
    }
  }

  public int sampleRate() {
    return pipeline.targetSampleRate();
  }

  /** The most samples at the output rate a recording may have. */
  public long maxSamples() {
    return maxDuration.toMillis() * sampleRate() / 1000;
  }
}
