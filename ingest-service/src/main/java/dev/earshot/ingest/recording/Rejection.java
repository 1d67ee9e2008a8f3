package dev.earshot.ingest.recording;

import dev.earshot.audio.decode.AudioFormatException;

/** Why audio was not (completely) ingested; also the tag of the rejection metric. */
public enum Rejection {
  EMPTY,
  TRUNCATED,
  CORRUPT,
  INVALID_HEADER,
  NOT_AUDIO,
  UNSUPPORTED_CODEC,
  TOO_LARGE,
  TOO_LONG,
  UNAUTHORIZED,
  BAD_REQUEST,
  UNREADABLE,
  KAFKA_UNAVAILABLE,
  PUBLISH_FAILED,
  STREAM_ABORTED,
  /** An upload with the same Idempotency-Key has not been answered yet. */
  UPLOAD_IN_PROGRESS,
  /** An Idempotency-Key that came with other audio before. */
  IDEMPOTENCY_KEY_REUSED;

  public static Rejection of(AudioFormatException.Reason reason) {
    return switch (reason) {
      case EMPTY -> EMPTY;
      case TRUNCATED -> TRUNCATED;
      case CORRUPT -> CORRUPT;
      case NOT_AUDIO -> NOT_AUDIO;
      case UNSUPPORTED_CODEC -> UNSUPPORTED_CODEC;
      case INVALID_HEADER -> INVALID_HEADER;
    };
  }
}
