package dev.earshot.whisper;

/** A model folder that cannot be used: a missing or corrupt file, named in the message. */
public class WhisperModelException extends RuntimeException {

  public WhisperModelException(String message) {
    super(message);
  }

  public WhisperModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
