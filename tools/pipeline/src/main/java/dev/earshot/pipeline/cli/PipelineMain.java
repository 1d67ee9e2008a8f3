package dev.earshot.pipeline.cli;

import dev.earshot.cli.Cli;
import dev.earshot.pipeline.replay.ChangesCommand;
import dev.earshot.pipeline.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The pipeline's own commands; the {@code earshot} launcher calls them. */
@Command(
    name = "earshot-pipeline",
    mixinStandardHelpOptions = true,
    description = "Runs audio through the running services and collects results; replays; bench.",
    subcommands = {
      RunCommand.class,
      CollectCommand.class,
      ReplayCommand.class,
      ChangesCommand.class,
      BenchCommand.class
    })
public class PipelineMain {

  public static void main(String... args) {
    // Kafka clients log every partition seek at INFO; the commands' own output is what matters.
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // An unreachable broker is reported once by the command, not by every client retry.
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
    System.exit(Cli.configure(new CommandLine(new PipelineMain())).execute(args));
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
