package dev.earshot.audio.chunk;

/**
 * What a {@link ChunkPipeline} has processed.
 *
 * @param inputSampleRate rate of the input
 * @param inputFrames input frames accepted (one sample per channel each)
 * @param outputSampleRate rate of the chunks
 * @param resampledSamples mono samples after resampling, before trimming
 * @param leadingTrimmedSamples samples trimmed before the first chunk (at the output rate)
 * @param chunkedSamples samples handed to chunks, after trimming
 * @param chunks chunks emitted
 */
public record PipelineStats(
    int inputSampleRate,
    long inputFrames,
    int outputSampleRate,
    long resampledSamples,
    long leadingTrimmedSamples,
    long chunkedSamples,
    int chunks) {

  /** Duration of the input in seconds. */
  public double durationSeconds() {
    return (double) inputFrames / inputSampleRate;
  }

  /** Duration of the audio in chunks, in seconds. */
  public double chunkedSeconds() {
    return (double) chunkedSamples / outputSampleRate;
  }
}
