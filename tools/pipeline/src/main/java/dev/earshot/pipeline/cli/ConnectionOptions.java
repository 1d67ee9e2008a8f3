package dev.earshot.pipeline.cli;

import dev.earshot.schema.EarshotService;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the cluster and the services are, and where results go. */
final class ConnectionOptions {

  @Mixin KafkaOption kafka = new KafkaOption();

  @Option(
      names = "--ingest-url",
      defaultValue = "http://localhost:" + EarshotService.Ports.INGEST,
      description = "ingest-service (default: ${DEFAULT-VALUE}).")
  String ingestUrl;

  @Option(
      names = "--api-key",
      description = "An ingest.http.api-keys value; default: $EARSHOT_API_KEY.")
  String apiKey;

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

  String bootstrap() {
    return kafka.bootstrapServers();
  }

  String apiKey() {
    return apiKey != null ? apiKey : System.getenv().getOrDefault("EARSHOT_API_KEY", "");
  }
}
