package dev.earshot.results.picture;

import java.util.Objects;

/**
 * A label a classifier gave to {@code [start, end)} seconds of a recording, drawn in the lane
 * {@code lane} (one lane per classifier, say) of {@link Pictures#timeline}.
 *
 * @param confidence expected in [0, 1]; drawn as the opacity of the span
 */
public record LabelSpan(String lane, double start, double end, String label, double confidence) {

  public LabelSpan {
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(label, "label");
    Spans.requireInterval(start, end);
    if (Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence of " + lane + "/" + label + " is NaN");
    }
  }
}
