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

  /**
   * A stretch of text with its times in the recording.
   *
   * @param words its words with their own times, where the model files allow word timestamps and
   *     they were asked for; empty otherwise
   */
  public record Segment(double start, double end, String text, List<Word> words) {

    public Segment {
      words = List.copyOf(words);
    }

    public Segment(double start, double end, String text) {
      this(start, end, text, List.of());
    }
  }

  /**
   * A word with its times in the recording, found by the decoder's cross-attention alignment.
   *
   * @param text as Whisper writes it, with the space before it and punctuation joined on
   * @param probability the mean of the model's probabilities for the word's tokens
   */
  public record Word(double start, double end, String text, double probability) {}

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
