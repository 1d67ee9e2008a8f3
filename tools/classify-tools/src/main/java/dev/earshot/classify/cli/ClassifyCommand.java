package dev.earshot.classify.cli;

import dev.earshot.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The classify tools: predict with saved classifiers, train, evaluate, compare, build defaults. */
@Command(
    name = "earshot classify",
    mixinStandardHelpOptions = true,
    description =
        "Classifies audio files with trained or zero-shot classifiers; trains and evaluates"
            + " classifiers; builds the built-in models.",
    subcommands = {
      PredictCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      CompareCommand.class,
      BenchCommand.class,
      BuildDefaultsCommand.class
    })
public class ClassifyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Cli.whichCommand(spec);
  }

  public static void main(String... args) {
    Cli.main(new ClassifyCommand(), args);
  }
}
