package dev.earshot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A process's resident memory as Linux reports it in {@code /proc/PID/status}: the peak ({@code
 * VmHWM}, the most it ever held) and now ({@code VmRSS}), in bytes; empty elsewhere.
 */
public record ResidentMemory(OptionalLong peak, OptionalLong now) {

  /** Of this JVM. */
  public static ResidentMemory self() {
    return of(ProcessHandle.current().pid());
  }

  public static ResidentMemory of(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    OptionalLong peak = OptionalLong.empty();
    OptionalLong now = OptionalLong.empty();
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          peak = OptionalLong.of(kilobytes(line) * 1024);
        } else if (line.startsWith("VmRSS:")) {
          now = OptionalLong.of(kilobytes(line) * 1024);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux, or the process is gone: nothing to report.
    }
    return new ResidentMemory(peak, now);
  }

  private static long kilobytes(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }
}
