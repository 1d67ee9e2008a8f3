package dev.earshot.pipeline.cli;

import dev.earshot.cli.Cli;
import dev.earshot.pipeline.replay.ChangesCommand;
import dev.earshot.pipeline.replay.ReplayCommand;
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
    Cli.main(new PipelineMain(), args);
  }
}
