package dev.earshot.schema.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A transcript segment; times are seconds from the start of the recording. {@code words} holds its
 * words with their own times when the model could align them, and is left out otherwise.
 */
public record Segment(
    double start,
    double end,
    String text,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Word> words) {

  public Segment {
    words = words == null ? List.of() : List.copyOf(words);
  }

  public Segment(double start, double end, String text) {
    this(start, end, text, List.of());
  }
}
