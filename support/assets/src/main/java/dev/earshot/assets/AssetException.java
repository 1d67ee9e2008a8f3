package dev.earshot.assets;

import java.io.IOException;
import java.util.List;

/**
 * An asset could not be fetched: the message names the asset, every source tried and why each
 * failed; {@link #failures()} holds the same as values.
 */
public class AssetException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient List<SourceFailure> failures;

  public AssetException(String message, List<SourceFailure> failures) {
    super(message);
    this.failures = List.copyOf(failures);
  }

  public AssetException(String message, Throwable cause) {
    super(message, cause);
    this.failures = List.of();
  }

  public List<SourceFailure> failures() {
    return failures;
  }
}
