package dev.earshot.pipeline.ingest;

import dev.earshot.audio.decode.AudioFiles;
import dev.earshot.cli.ExitCodes;
import dev.earshot.cli.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends audio files and whole folders to ingest-service. */
@Command(
    name = "files",
    description = "Send audio files and folders (folders recursively) to ingest-service and exit.",
    mixinStandardHelpOptions = true)
public class FilesCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Audio files or folders.")
  List<Path> paths;

  @Option(names = "--no-recurse", description = "Only the top level of folders.")
  boolean noRecurse;

  @Option(names = "--device", description = "Device id recorded with each file's metadata.")
  String device;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Progress bar for batches of several files (default: on).")
  boolean progress;

  @Mixin IngestTarget target = new IngestTarget();

  @Override
  public Integer call() throws Exception {
    AudioFiles.Selection selection = AudioFiles.expand(paths, !noRecurse);
    if (!selection.problems().isEmpty()) {
      throw new UsageException(selection.problems().get(0).toString());
    }
    if (selection.files().isEmpty()) {
      throw new UsageException(
          "no audio files found (" + selection.skipped() + " other files skipped)");
    }
    var ingest = target.connect(System.err).client();
    var batch =
        new FileUploads(
            ingest, System.out, System.err, progress && selection.files().size() > 1, device);
    FileUploads.Summary summary = batch.run(selection.files());
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
