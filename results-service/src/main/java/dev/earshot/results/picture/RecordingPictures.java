package dev.earshot.results.picture;

import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.Segment;
import dev.earshot.schema.result.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Draws a recording result's three pictures. */
public final class RecordingPictures {

  /** Labels per classifier in the bar chart; the rest share too little probability to read. */
  private static final int MAX_BARS = 6;

  private final int width;
  private final int height;

  public RecordingPictures(int width, int height) {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException(
          "pictures must be at least 100x100 pixels, not " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
  }

  /** PNG bytes of picture {@code name}: spectrogram, probabilities or timeline. */
  public byte[] render(String name, RecordingResult result, List<SpectrogramSketch> sketches) {
    String title = result.file() == null ? result.recordingId() : result.file();
    return switch (name) {
      case "spectrogram" ->
          Pictures.spectrogram(sketches, "Mel spectrogram: " + title, width, height);
      case "probabilities" ->
          Pictures.probabilities(bars(result), "Class probabilities: " + title, width, height);
      case "timeline" -> Pictures.timeline(timeline(result), "Timeline: " + title, width, height);
      default -> throw new IllegalArgumentException("no picture named '" + name + "'");
    };
  }

  static List<ProbabilityBar> bars(RecordingResult result) {
    List<ProbabilityBar> bars = new ArrayList<>();
    result
        .classifiers()
        .forEach(
            (classifier, verdict) ->
                verdict.probabilities().entrySet().stream()
                    .limit(MAX_BARS)
                    .forEach(
                        e -> bars.add(new ProbabilityBar(classifier, e.getKey(), e.getValue()))));
    return bars;
  }

  static Timeline timeline(RecordingResult result) {
    List<LabelSpan> labels = new ArrayList<>();
    for (TimelineEntry entry : result.timeline()) {
      for (Map.Entry<String, String> e : entry.labels().entrySet()) {
        double confidence = entry.confidences().getOrDefault(e.getKey(), 0.0);
        labels.add(new LabelSpan(e.getKey(), entry.start(), entry.end(), e.getValue(), confidence));
      }
    }
    List<TextSpan> text = new ArrayList<>();
    for (Segment s : result.segments()) {
      text.add(new TextSpan(s.start(), s.end(), s.text()));
    }
    double duration = result.duration() != null ? result.duration() : result.end();
    return new Timeline(Math.max(duration, result.end()), labels, text);
  }
}
