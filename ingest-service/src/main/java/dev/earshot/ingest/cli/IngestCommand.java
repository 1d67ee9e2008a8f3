package dev.earshot.ingest.cli;

import dev.earshot.cli.ExitCodes;
import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top command; on its own it serves HTTP, like {@code serve}. */
@Command(
    name = "ingest-service",
    mixinStandardHelpOptions = true,
    description = "Takes audio in and publishes 16 kHz mono chunks to Kafka.",
    subcommands = {
      IngestCommand.Serve.class,
      FilesCommand.class,
      MicCommand.class,
      DevicesCommand.class,
      BenchCommand.class
    })
public class IngestCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    Quarkus.waitForExit();
    return ExitCodes.OK;
  }

  /** Runs the HTTP service (uploads, live streams, health, metrics) until stopped. */
  @Command(name = "serve", description = "Run the HTTP service until stopped (the default).")
  public static class Serve implements Callable<Integer> {
    @Override
    public Integer call() {
      Quarkus.waitForExit();
      return ExitCodes.OK;
    }
  }
}
