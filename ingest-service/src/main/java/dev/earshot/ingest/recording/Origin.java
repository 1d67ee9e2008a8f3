package dev.earshot.ingest.recording;

/** How audio reached the service. */
public enum Origin {
  FILE,
  UPLOAD,
  MICROPHONE,
  STREAM
}
