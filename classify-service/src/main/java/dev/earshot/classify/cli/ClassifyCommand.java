package dev.earshot.classify.cli;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top command; on its own it runs the Kafka worker, like {@code serve}. */
@Command(
    name = "classify-service",
    mixinStandardHelpOptions = true,
    description = "Classifies audio chunks from Kafka; trains and evaluates classifiers.",
    subcommands = {
      ClassifyCommand.Serve.class,
      TrainCommand.class,
      EvaluateCommand.class,
      CompareCommand.class,
      PredictCommand.class,
      BenchCommand.class,
      BuildDefaultsCommand.class
    })
public class ClassifyCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    Quarkus.waitForExit();
    return 0;
  }

  /** Consumes audio chunks and publishes classifications until stopped. */
  @Command(name = "serve", description = "Run the Kafka worker until stopped (the default).")
  public static class Serve implements Callable<Integer> {
    @Override
    public Integer call() {
      Quarkus.waitForExit();
      return 0;
    }
  }
}
