package dev.earshot.stt.cli;

import dev.earshot.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Entry point of stt-service: without arguments (or with {@code serve}) it consumes chunks from
 * Kafka; {@code transcribe} and {@code bench} work on files without Kafka and exit.
 */
@QuarkusMain
public class SttMain implements QuarkusApplication {

  private final CommandLine.IFactory factory;

  public SttMain(CommandLine.IFactory factory) {
    this.factory = factory;
  }

  public static void main(String... args) {
    if (!Cli.serving(args)) {
      // File commands need neither Kafka nor the HTTP port, and print only what was asked for.
      setIfAbsent("mp.messaging.incoming.audio-chunks.enabled", "false");
      setIfAbsent("mp.messaging.outgoing.transcripts.enabled", "false");
      setIfAbsent("mp.messaging.outgoing.dead-letters.enabled", "false");
      setIfAbsent("stt.topics.create", "false");
      setIfAbsent("quarkus.http.port", "0");
      setIfAbsent("quarkus.log.console.level", "WARN");
      setIfAbsent(
          "quarkus.log.category.\"io.smallrye.reactive.messaging.provider\".level", "ERROR");
    }
    Quarkus.run(SttMain.class, args);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  @Override
  public int run(String... args) {
    return Cli.configure(new CommandLine(SttCommand.class, factory)).execute(args);
  }
}
