package dev.earshot.results.picture;

import java.util.Objects;

/** A transcript segment: {@code text} spoken during {@code [start, end)} seconds. */
public record TextSpan(double start, double end, String text) {

  public TextSpan {
    Spans.requireInterval(start, end);
    Objects.requireNonNull(text, "text");
  }
}
