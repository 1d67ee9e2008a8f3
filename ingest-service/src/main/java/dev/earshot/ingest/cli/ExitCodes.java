package dev.earshot.ingest.cli;

/** Process exit codes of the commands, documented in the README. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int SOME_FAILED = 1;
  public static final int USAGE = 2;
  public static final int KAFKA_UNREACHABLE = 3;
  public static final int NO_CAPTURE_DEVICE = 4;

  private ExitCodes() {}
}
