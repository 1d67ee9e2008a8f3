package dev.earshot.pipeline.ingest;

import dev.earshot.pipeline.local.Home;
import dev.earshot.pipeline.local.LocalPipeline;
import dev.earshot.schema.EarshotService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which ingest-service a command sends audio to: the one named by {@code --ingest-url}, or this
 * machine's pipeline, started if it is not running (so {@code ./earshot ingest files x.wav} works
 * on its own, like {@code run}).
 */
public final class IngestTarget {

  @Option(
      names = "--ingest-url",
      description =
          "A running ingest-service, e.g. http://host:"
              + EarshotService.Ports.INGEST
              + " (default: this machine's pipeline, started if needed).")
  String ingestUrl;

  @Option(
      names = "--api-key-file",
      description =
          "A file holding one of its ingest.http.api-keys (default: $EARSHOT_API_KEY, else this"
              + " machine's key in .earshot/api-key). A key is never taken on the command line,"
              + " where ps shows it to every user.")
  Path apiKeyFile;

  /** Where to send, and the Kafka cluster when this command started the local pipeline. */
  public record Connected(IngestClient client, String kafka) {}

  public Connected connect(PrintStream progress) throws IOException, InterruptedException {
    Home home = Home.fromEnvironment();
    if (ingestUrl == null) {
      String kafka = new LocalPipeline(home).start(progress);
      return new Connected(
          new IngestClient("http://localhost:" + EarshotService.INGEST.port(), key(home)), kafka);
    }
    return new Connected(new IngestClient(ingestUrl, key(home)), null);
  }

  private String key(Home home) throws IOException {
    if (apiKeyFile != null) {
      return KeyFiles.read(apiKeyFile, "--api-key-file");
    }
    String env = System.getenv("EARSHOT_API_KEY");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return ingestUrl == null ? home.apiKey() : home.existingApiKey();
  }
}
