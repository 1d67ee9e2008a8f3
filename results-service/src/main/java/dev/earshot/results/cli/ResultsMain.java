package dev.earshot.results.cli;

import dev.earshot.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of results-service: checks the command line before anything starts (the service takes
 * no arguments, but answers --help and refuses what it does not know), then runs the join, the
 * query API and the dashboard until stopped.
 */
@QuarkusMain
public class ResultsMain {

  public static void main(String... args) {
    ResultsCommand command = new ResultsCommand();
    int exit = Cli.configure(new CommandLine(command)).execute(args);
    if (!command.serve) {
      System.exit(exit);
    }
    Quarkus.run(args);
  }

  /** The service's command line: nothing to choose, so calling it means serving. */
  @Command(
      name = "results-service",
      mixinStandardHelpOptions = true,
      description =
          "Joins transcripts, classifications and recording events into results; serves the"
              + " query API and the dashboard until stopped.")
  static class ResultsCommand implements Callable<Integer> {

    boolean serve;

    @Override
    public Integer call() {
      serve = true;
      return 0;
    }
  }
}
