package dev.earshot.stt.cli;

import dev.earshot.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The speech-to-text tools: transcribe files, and the benchmark against transformers.js. */
@Command(
    name = "earshot stt",
    mixinStandardHelpOptions = true,
    description =
        "Transcribes audio files with Whisper at the service's settings, without Kafka; measures"
            + " speed and accuracy.",
    subcommands = {TranscribeCommand.class, BenchCommand.class})
public class SttCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Cli.whichCommand(spec);
  }

  public static void main(String... args) {
    Cli.main(new SttCommand(), args);
  }
}
