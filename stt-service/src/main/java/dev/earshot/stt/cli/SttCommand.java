package dev.earshot.stt.cli;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top command; on its own it runs the Kafka worker, like {@code serve}. */
@Command(
    name = "stt-service",
    mixinStandardHelpOptions = true,
    description = "Transcribes audio chunks from Kafka with Whisper.",
    subcommands = {SttCommand.Serve.class, TranscribeCommand.class, BenchCommand.class})
public class SttCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    Quarkus.waitForExit();
    return 0;
  }

  /** Consumes audio chunks and publishes transcripts until stopped. */
  @Command(name = "serve", description = "Run the Kafka worker until stopped (the default).")
  public static class Serve implements Callable<Integer> {
    @Override
    public Integer call() {
      Quarkus.waitForExit();
      return 0;
    }
  }
}
