package dev.earshot.pipeline.cli;

import dev.earshot.pipeline.ingest.IngestTarget;
import dev.earshot.pipeline.ingest.KeyFiles;
import dev.earshot.pipeline.local.Home;
import dev.earshot.schema.EarshotService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the cluster and the services are, and where results go. */
final class ConnectionOptions {

  @Mixin KafkaOption kafka = new KafkaOption();

  @Option(
      names = "--results-url",
      defaultValue = "http://localhost:" + EarshotService.Ports.RESULTS,
      description = "results-service (default: ${DEFAULT-VALUE}).")
  String resultsUrl;

  @Option(
      names = "--read-key-file",
      description =
          "A file holding one of results-service's results.http.read-keys, to fetch pictures"
              + " (default: $EARSHOT_READ_KEY, else this machine's key in .earshot/read-key).")
  Path readKeyFile;

  @Option(
      names = {"-o", "--out"},
      defaultValue = "earshot-results",
      description = "Folder for each recording's JSON and PNGs (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--compact", description = "One JSON line per recording.")
  boolean compact;

  @Option(
      names = "--timeout",
      defaultValue = "PT30M",
      description = "How long to wait for the results (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /** The cluster the local pipeline runs on when this command started it, else the option's. */
  String bootstrap(IngestTarget.Connected connected) {
    return connected.kafka() != null ? connected.kafka() : kafka.bootstrapServers();
  }

  ResultPrinter printer() throws IOException {
    return new ResultPrinter(System.out, System.err, out, resultsUrl, readKey(), compact);
  }

  private String readKey() throws IOException {
    if (readKeyFile != null) {
      return KeyFiles.read(readKeyFile, "--read-key-file");
    }
    String env = System.getenv("EARSHOT_READ_KEY");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    return Home.fromEnvironment().existingReadKey();
  }
}
