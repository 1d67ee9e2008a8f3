package dev.earshot.pipeline.ingest;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/** {@code --captions} / {@code --no-captions} of the commands that stream the microphone. */
public class CaptionsOption {

  @Option(
      names = "--captions",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Print live captions on stderr while recording (the default; --no-captions leaves them"
              + " out).")
  boolean captions = true;

  /** Where the captions go: stderr, or null for none. */
  public PrintStream target() {
    return captions ? System.err : null;
  }
}
