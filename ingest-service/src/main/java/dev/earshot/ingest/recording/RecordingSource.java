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
    Map<String, String> attributes) {

  public RecordingSource {
    Objects.requireNonNull(origin, "origin");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public static RecordingSource of(Origin origin, String name) {
    return new RecordingSource(origin, name, null, null, Map.of());
  }

  public RecordingSource withDevice(String device) {
    return new RecordingSource(origin, name, device, captureTime, attributes);
  }

  public RecordingSource withCaptureTime(Instant captureTime) {
    return new RecordingSource(origin, name, device, captureTime, attributes);
  }
}
