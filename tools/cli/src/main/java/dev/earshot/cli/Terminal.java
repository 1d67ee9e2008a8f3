package dev.earshot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person watches stderr, so progress may redraw in place instead of logging lines. */
public final class Terminal {

  private Terminal() {}

  public static boolean stderrIsTerminal() {
    // System.console() is null as soon as stdout is redirected, which is exactly when a progress
    // bar on stderr is most wanted (`transcribe --json ... > out.jsonl`); Linux tells by the file
    // descriptor itself.
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
