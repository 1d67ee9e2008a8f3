package dev.earshot.classify.data;

import java.io.IOException;

/** espeak-ng or SoX could not be started, failed, or wrote no audio; the message says which. */
public final class SynthesisException extends IOException {

  public SynthesisException(String message) {
    super(message);
  }

  public SynthesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
