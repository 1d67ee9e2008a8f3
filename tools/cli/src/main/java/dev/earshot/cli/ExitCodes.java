package dev.earshot.cli;

/** Process exit codes of every command, documented in the README. */
public final class ExitCodes {
  public static final int OK = 0;

  /** The command ran and failed: Kafka unreachable, a model or a file that cannot be read. */
  public static final int FAILURE = 1;

  /** The command was called wrongly: an unknown option, a bad value, a missing file. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
