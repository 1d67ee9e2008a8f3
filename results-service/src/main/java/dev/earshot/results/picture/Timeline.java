package dev.earshot.results.picture;

import java.util.List;

/**
 * What {@link Pictures#timeline} draws for one recording: classifier labels over time, lane by
 * lane, and the transcript in a lane of its own. Null lists read as empty.
 *
 * @param durationSeconds length of the recording; the time axis runs from 0 to it, or further if a
 *     span ends later
 */
public record Timeline(double durationSeconds, List<LabelSpan> labels, List<TextSpan> transcript) {

  public Timeline {
    if (Double.isNaN(durationSeconds)) {
      throw new IllegalArgumentException("durationSeconds is NaN");
    }
    labels = labels == null ? List.of() : List.copyOf(labels);
    transcript = transcript == null ? List.of() : List.copyOf(transcript);
  }
}
