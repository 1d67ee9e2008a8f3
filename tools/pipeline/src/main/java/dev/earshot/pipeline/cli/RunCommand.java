package dev.earshot.pipeline.cli;

import dev.earshot.audio.decode.AudioFiles;
import dev.earshot.cli.UsageException;
import dev.earshot.pipeline.IngestClient;
import dev.earshot.pipeline.ResultWatcher;
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
import picocli.CommandLine.Parameters;

/** Uploads files and folders to the running pipeline and prints each recording's result. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Send files and folders through the running services; print and save results.")
public class RunCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER")
  List<Path> paths;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Override
  public Integer call() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(AudioFiles::hasAudioExtension)
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new UsageException(p + ": no such file or folder");
      }
    }
    if (files.isEmpty()) {
      throw new UsageException("no audio files found in " + paths);
    }
    IngestClient ingest = new IngestClient(connection.ingestUrl, connection.apiKey());
    Set<String> ids = new LinkedHashSet<>();
    try (ResultWatcher watcher =
        new ResultWatcher(
            connection.bootstrap(),
            EarshotTopic.RESULTS.defaultName(),
            Instant.now().minusSeconds(2))) {
      for (Path file : files) {
        IngestClient.Upload upload;
        try {
          upload = ingest.upload(file);
        } catch (IOException e) {
          throw new IOException(
              file + ": ingest-service at " + connection.ingestUrl + " is unreachable", e);
        }
        System.err.printf(
            "earshot: %s: %s %s%n",
            file,
            upload.accepted() ? "recording " + upload.recordingId() + "," : "refused:",
            upload.message());
        if (upload.recordingId() != null) {
          ids.add(upload.recordingId());
        }
      }
      ResultPrinter printer =
          new ResultPrinter(
              System.out, System.err, connection.out, connection.resultsUrl, connection.compact);
      var results = watcher.await(ids, connection.timeout, printer::print);
      if (results.size() < ids.size()) {
        System.err.printf(
            "earshot: %d of %d recordings had no result within %s%n",
            ids.size() - results.size(), ids.size(), connection.timeout);
      }
      return ResultPrinter.exitCode(results, files.size());
    }
  }
}
