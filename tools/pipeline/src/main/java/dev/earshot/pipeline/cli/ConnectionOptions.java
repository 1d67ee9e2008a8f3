package dev.earshot.pipeline.cli;

import dev.earshot.pipeline.ingest.IngestTarget;
import dev.earshot.schema.EarshotService;
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

  ResultPrinter printer() {
    return new ResultPrinter(System.out, System.err, out, resultsUrl, compact);
  }
}
