package dev.earshot.cli;

import dev.earshot.audio.decode.AudioFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

  /**
   * The files to read; every path that gives none is reported on {@code err}, one line each, and a
   * batch without any file says so.
   */
  public Inputs resolve(String command, PrintStream err) {
    AudioFiles.Selection selection = AudioFiles.expand(paths, !noRecurse);
    selection.problems().forEach(err::println);
    if (selection.files().isEmpty() && selection.problems().isEmpty()) {
      err.printf(
          "%s: no audio files found (%d other files skipped)%n", command, selection.skipped());
    }
    return new Inputs(selection.files(), selection.problems().size());
  }

  /** Whether a batch of this many files shows a progress bar. */
  public boolean progressFor(int files) {
    return progress != null ? progress : files >= PROGRESS_FROM;
  }
}
