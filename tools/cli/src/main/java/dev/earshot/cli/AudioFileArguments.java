package dev.earshot.cli;

import dev.earshot.audio.decode.AudioFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The audio inputs of a batch command: files, folders (searched recursively for every format the
 * decoder reads) and {@code @LIST} files naming one path per line.
 */
public class AudioFileArguments {

  /** Batches larger than this show a progress bar unless told otherwise. */
  static final int PROGRESS_FROM = 4;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|FOLDER|@LIST",
      description =
          "Audio files, folders (searched recursively for wav, flac, ogg, mp3, aiff and au files),"
              + " or @LIST: a text file with one path per line.")
  List<Path> paths;

  @Option(names = "--no-recurse", description = "Only the top level of folders.")
  boolean noRecurse;

  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Progress on stderr: files done, seconds of audio, real-time factor (default: on for"
              + " more than 3 files).")
  Boolean progress;

  /** The files to read, and how many paths gave none. */
  public record Inputs(List<Path> files, int failed) {}

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * The files to read; every path that gives none is reported on {@code err}, one line each. Paths
   * that are all there but hold no audio file are a usage error.
   */
  public Inputs resolve(PrintStream err) {
    AudioFiles.Selection selection = AudioFiles.expand(paths, !noRecurse);
    selection.problems().forEach(p -> err.println(line(p.path(), p.message())));
    if (selection.files().isEmpty() && selection.problems().isEmpty()) {
      throw new UsageException(
          "no audio files found (" + selection.skipped() + " other files skipped)");
    }
    return new Inputs(selection.files(), selection.problems().size());
  }

  /** The line reporting a file that failed: the command as typed, the file, the reason. */
  public String line(Path file, String reason) {
    return command.qualifiedName() + ": " + file + ": " + reason;
  }

  /** Whether a batch of this many files shows a progress bar. */
  public boolean progressFor(int files) {
    return progress != null ? progress : files >= PROGRESS_FROM;
  }
}
