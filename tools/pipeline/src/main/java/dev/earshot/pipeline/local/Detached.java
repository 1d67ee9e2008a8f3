package dev.earshot.pipeline.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Processes that outlive the command that started them (the local broker, the services after {@code
 * earshot start}), found again through pid files.
 */
public final class Detached {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private Detached() {}

  /**
   * Starts the command in its own session where {@code setsid} exists, so Ctrl-C in the terminal
   * that started it, or that terminal closing, does not stop it; output goes to the log.
   */
  public static Process start(List<String> command, Map<String, String> env, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      // Not a process group leader, so setsid execs in place: the pid is the service's own.
      full.add(SETSID.toString());
    }
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full)
            .redirectInput(new File("/dev/null"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    return builder.start();
  }

  public static void writePid(Path pidFile, long pid) throws IOException {
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, pid + "\n");
  }

  /**
   * The live process a pid file names, if its command line still contains {@code marker}: a pid
   * reused by an unrelated process after a reboot is not ours to stop.
   */
  public static Optional<ProcessHandle> find(Path pidFile, String marker) {
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile).strip());
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(true));
  }

  /** SIGTERM, then SIGKILL after the grace period; removes the pid file. */
  public static void stop(ProcessHandle process, Duration grace, Path pidFile) {
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception stillRunning) {
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // A stale pid file is harmless: find() checks that the process is still ours.
    }
  }

  /** The last non-blank line of a log, to say in one line why a process exited. */
  public static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
      return lines.isEmpty() ? "(empty log)" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
