package dev.earshot.schema.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A transcript segment; times are seconds from the start of the recording. {@code words} holds its
 * words with their own times when the model could align them, and is left out otherwise. The
 * decoding figures are those of the chunk the segment came from, as Whisper reports them for every
 * segment of one decoding window: the mean log-probability of its tokens, the no-speech
 * probability, the text's gzip compression ratio and the temperature that produced it.
 */
public record Segment(
    double start,
    double end,
    String text,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Word> words,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double avgLogprob,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double noSpeechProb,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double compressionRatio,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double temperature) {

  public Segment {
    words = words == null ? List.of() : List.copyOf(words);
  }

  public Segment(double start, double end, String text, List<Word> words) {
    this(start, end, text, words, null, null, null, null);
  }

  public Segment(double start, double end, String text) {
    this(start, end, text, List.of());
  }
}
