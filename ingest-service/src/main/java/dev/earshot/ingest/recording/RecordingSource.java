package dev.earshot.ingest.recording;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What is known about a recording before its audio is read. */
public record RecordingSource(
    Origin origin,
    String name,
    String device,
    Instant captureTime,
    Map<String, String> attributes,
    TranscriptionWishes wishes) {

  public RecordingSource {
    Objects.requireNonNull(origin, "origin");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    wishes = wishes == null ? TranscriptionWishes.NONE : wishes;
  }

  public RecordingSource(
      Origin origin,
      String name,
      String device,
      Instant captureTime,
      Map<String, String> attributes) {
    this(origin, name, device, captureTime, attributes, TranscriptionWishes.NONE);
  }

  public RecordingSource withWishes(TranscriptionWishes wishes) {
    return new RecordingSource(origin, name, device, captureTime, attributes, wishes);
  }

  public static RecordingSource of(Origin origin, String name) {
    return new RecordingSource(origin, name, null, null, Map.of());
  }

  public RecordingSource withDevice(String device) {
    return new RecordingSource(origin, name, device, captureTime, attributes, wishes);
  }

  public RecordingSource withCaptureTime(Instant captureTime) {
    return new RecordingSource(origin, name, device, captureTime, attributes, wishes);
  }
}
