package dev.earshot.cli;

/**
 * A usage error found while a command runs (a value that only makes sense next to another, a
 * missing path): reported like picocli's own, with exit code 2.
 */
public class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
