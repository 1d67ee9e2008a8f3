package dev.earshot.whisper;

import java.util.List;

/**
 * Whisper's result for one window.
 *
 * @param text the whole text, trimmed; empty for silence
 * @param segments with start and end in seconds of the recording
 * @param languageProbability null when the language was forced
 * @param avgLogProbability mean log-probability of the sampled tokens and the end token
 * @param temperature the fallback temperature that produced this result
 * @param tokens tokens sampled (text and timestamps, without the end token)
 * @param silent the window was judged to hold no speech
 */
public record Transcription(
    String text,
    List<Segment> segments,
    String language,
    Double languageProbability,
    double noSpeechProbability,
    double avgLogProbability,
    double compressionRatio,
    double temperature,
    int tokens,
    boolean silent,
    Timings timings) {

  /** A stretch of text with its times in the recording. */
  public record Segment(double start, double end, String text) {}

  /**
   * Milliseconds spent per stage on this window; batched stages are shared evenly.
   *
   * @param featureMs the log-mel features and, when there is one, the speech detector
   * @param realTimeFactor total time / audio duration; below 1 is faster than real time
   */
  public record Timings(
      double featureMs,
      double encoderMs,
      double decoderMs,
      double totalMs,
      double realTimeFactor) {}
}
