package dev.earshot.audio.decode;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown when input bytes are not audio this module can decode, with a {@link Reason} callers can
 * map to a status code or metric tag and a message a person can act on.
 */
public class AudioFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Why the input was rejected. */
  public enum Reason {
    /** No bytes at all, or a valid header around no samples. */
    EMPTY,
    /** The input ends before the length its header declares. */
    TRUNCATED,
    /** The bytes claim a known format but do not decode as it. */
    CORRUPT,
    /** The input is not a recognised audio format. */
    NOT_AUDIO,
    /** A recognised container holding a codec this module does not decode. */
    UNSUPPORTED_CODEC,
    /** A header field has a value that is impossible or unsupported. */
    INVALID_HEADER
  }

  private final Reason reason;

  public AudioFormatException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public AudioFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
