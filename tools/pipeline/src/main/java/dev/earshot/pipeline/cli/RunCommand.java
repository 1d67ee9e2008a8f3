package dev.earshot.pipeline.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.decode.AudioFiles;
import dev.earshot.cli.UsageException;
import dev.earshot.pipeline.ResultWatcher;
import dev.earshot.pipeline.ingest.CaptionsOption;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.pipeline.ingest.IngestTarget;
import dev.earshot.pipeline.ingest.MicCommand;
import dev.earshot.schema.topic.EarshotTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The whole pipeline in one command: starts this machine's services unless {@code --ingest-url}
 * names others, sends files, folders or the microphone through them, and prints and saves each
 * recording's result.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Start the pipeline, send files, folders or the microphone through it, print and save the"
            + " results (default audio: the JFK sample).")
public class RunCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "FILE|FOLDER")
  List<Path> paths = List.of();

  @Option(
      names = "--mic",
      arity = "0..1",
      fallbackValue = "0",
      paramLabel = "SECONDS",
      description = "Record from the microphone (for SECONDS, or until Enter).")
  Integer micSeconds;

  @Option(names = "--device", description = "With --mic: the capture device (see ingest devices).")
  String device;

  @Mixin CaptionsOption captions = new CaptionsOption();

  @Mixin IngestTarget target = new IngestTarget();

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Override
  public Integer call() throws Exception {
    // Checked before anything starts: a typo should not cost the start of four services.
    List<Path> files = audioFiles();
    if (micSeconds != null && !files.isEmpty()) {
      throw new UsageException("give files or --mic, not both");
    }
    if (micSeconds != null && micSeconds < 0) {
      throw new UsageException("--mic '" + micSeconds + "': seconds must not be negative");
    }
    MicCommand.Recorder recorder = micSeconds != null ? MicCommand.Recorder.choose(device) : null;
    var connected = target.connect(System.err);
    IngestClient ingest = connected.client();
    Set<String> ids = new LinkedHashSet<>();
    try (ResultWatcher watcher =
        new ResultWatcher(
            connection.bootstrap(connected),
            EarshotTopic.RESULTS.defaultName(),
            Instant.now().minusSeconds(2))) {
      if (recorder != null) {
        ids.add(recorder.record(ingest, null, micSeconds, null, captions.target()).recordingId());
      } else {
        if (files.isEmpty()) {
          files = List.of(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV));
          System.err.println("earshot: no audio given; sending the JFK sample " + files.get(0));
        }
        for (Path file : files) {
          upload(ingest, file).ifPresent(ids::add);
        }
      }
      ResultPrinter printer = connection.printer();
      var results = watcher.await(ids, connection.timeout, printer::print);
      if (results.size() < ids.size()) {
        System.err.printf(
            "earshot: %d of %d recordings had no result within %s%n",
            ids.size() - results.size(), ids.size(), connection.timeout);
      }
      return ResultPrinter.exitCode(results, recorder != null ? 1 : files.size());
    }
  }

  private List<Path> audioFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(AudioFiles::hasAudioExtension)
              .sorted()
              .forEach(files::add);
        }
        if (files.isEmpty()) {
          throw new UsageException("no audio files found in " + p);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new UsageException("'" + p + "': no such file or folder");
      }
    }
    return files;
  }

  private static java.util.Optional<String> upload(IngestClient ingest, Path file)
      throws IOException, InterruptedException {
    IngestClient.Upload upload;
    try {
      upload = ingest.upload(file);
    } catch (IOException e) {
      throw new IOException(
          file + ": ingest-service at " + ingest.baseUrl() + " is unreachable", e);
    }
    System.err.printf(
        "earshot: %s: %s%n",
        file,
        upload.accepted()
            ? "recording " + upload.recordingId() + ", " + upload.message()
            : "refused: " + upload.error() + ": " + upload.message());
    return java.util.Optional.ofNullable(upload.recordingId());
  }
}
