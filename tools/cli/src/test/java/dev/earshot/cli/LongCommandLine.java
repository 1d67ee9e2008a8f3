package dev.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A thousand file arguments of more than 60 characters each, as a shell glob over a big folder
 * gives: copies of real recordings, one file that is not audio and names of files that do not
 * exist; and a packaged command run on them in its own JVM, the way users start it.
 */
public final class LongCommandLine {

  public static final int ARGUMENTS = 1000;

  /** The arguments, in command-line order: the copies, the non-audio file, the missing ones. */
  public record Arguments(List<Path> copies, Path notAudio, List<Path> missing) {
    public List<String> all() {
      List<String> all = new ArrayList<>();
      copies.forEach(p -> all.add(p.toString()));
      all.add(notAudio.toString());
      missing.forEach(p -> all.add(p.toString()));
      return all;
    }
  }

  /** What a finished command left. */
  public record Run(int exitCode, String out, String err) {
    /** The end of stderr, for assertion messages. */
    public String errTail() {
      return err.length() <= 2000 ? err : err.substring(err.length() - 2000);
    }

    /**
     * The TSV rows on stdout, split at tabs, once what every such run must show is checked: exit
     * code 1 (some files failed), one row per copy in command-line order, and on stderr one line
     * for the file that is not audio and one for each missing file, each starting with the command.
     */
    public List<String[]> rows(Arguments arguments, String command) {
      assertThat(exitCode).as("exit code; stderr ends:%n%s", errTail()).isEqualTo(1);
      List<String[]> rows = out.lines().map(l -> l.split("\t", -1)).toList();
      assertThat(rows)
          .extracting(r -> r[0])
          .containsExactlyElementsOf(arguments.copies().stream().map(Path::toString).toList());
      String prefix = command + ": ";
      assertThat(err.lines())
          .contains(
              prefix
                  + arguments.notAudio()
                  + ": not a recognised audio format (starts with bytes 6D 69 6E 75 = 'minu')")
          .filteredOn(l -> l.endsWith(": no such file or folder"))
          .hasSize(arguments.missing().size())
          .contains(prefix + arguments.missing().get(0) + ": no such file or folder");
      return rows;
    }
  }

  private LongCommandLine() {}

  /** {@code copies} copies of each source, under names long enough for 60+ character paths. */
  public static Arguments prepare(Path dir, List<Path> sources, int copies) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("recordings-of-a-long-afternoon-meeting"));
    List<Path> made = new ArrayList<>();
    for (Path source : sources) {
      for (int i = 0; i < copies; i++) {
        Path copy =
            folder.resolve(String.format("take-%04d-of-%s", made.size(), source.getFileName()));
        Files.copy(source, copy);
        made.add(copy);
      }
    }
    Path notAudio = folder.resolve("minutes-of-the-meeting-that-are-not-audio-at-all.wav");
    Files.writeString(notAudio, "minutes of the meeting");
    List<Path> missing = new ArrayList<>();
    for (int i = made.size() + 1; i < ARGUMENTS; i++) {
      missing.add(folder.resolve(String.format("a-recording-that-was-never-made-%04d.wav", i)));
    }
    Arguments arguments = new Arguments(made, notAudio, missing);
    for (String argument : arguments.all()) {
      if (argument.length() < 60) {
        throw new IllegalStateException("too short for the test: " + argument);
      }
    }
    return arguments;
  }

  /**
   * Runs {@code java LAUNCH... ARGS...} ({@code -jar JAR} or {@code -cp CLASSPATH MAIN}) in a fresh
   * JVM, without {@code ORT_DISABLE_TELEMETRY}: the command must hold however it is started.
   */
  public static Run run(List<String> launch, List<String> args, Path dir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch);
    command.addAll(args);
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("ORT_DISABLE_TELEMETRY");
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("still running after 5 minutes: " + command.subList(0, 5));
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
