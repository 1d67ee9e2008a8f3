package dev.earshot.ingest.cli;

import dev.earshot.audio.decode.AudioFiles;
import dev.earshot.cli.ExitCodes;
import dev.earshot.cli.UsageException;
import dev.earshot.ingest.files.FileBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Ingests audio files and whole folders. */
@Command(
    name = "files",
    description = "Ingest audio files and folders (folders recursively) and exit.",
    mixinStandardHelpOptions = true)
public class FilesCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Audio files or folders.")
  List<Path> paths;

  @Option(names = "--no-recurse", description = "Only the top level of folders.")
  boolean noRecurse;

  @Option(names = "--chunks", description = "Print every published chunk.")
  boolean printChunks;

  @Option(names = "--device", description = "Device id recorded with each file's metadata.")
  String device;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Progress bar for batches of several files (default: on).")
  boolean progress;

  private final CommandSupport support;

  public FilesCommand(CommandSupport support) {
    this.support = support;
  }

  @Override
  public Integer call() {
    AudioFiles.Selection selection = AudioFiles.expand(paths, !noRecurse);
    if (!selection.problems().isEmpty()) {
      throw new UsageException(selection.problems().get(0).toString());
    }
    if (selection.files().isEmpty()) {
      throw new UsageException(
          "no audio files found (" + selection.skipped() + " other files skipped)");
    }
    support.requireKafka();
    var ingestor = support.ingestor(support.listener(printChunks));
    var batch =
        new FileBatch(
            ingestor, System.out, System.err, progress && selection.files().size() > 1, device);
    FileBatch.Summary summary = batch.run(selection.files());
    System.out.printf(
        "%d files ingested, %d failed, %d skipped: %d chunks, %.1f s of audio%n",
        summary.outcomes().size() - summary.failed(),
        summary.failed(),
        selection.skipped(),
        summary.chunks(),
        summary.seconds());
    return summary.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
