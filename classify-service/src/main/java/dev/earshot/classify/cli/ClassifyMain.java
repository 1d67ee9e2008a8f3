package dev.earshot.classify.cli;

import dev.earshot.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Entry point of classify-service: without arguments (or with {@code serve}) it classifies chunks
 * from Kafka; {@code train}, {@code evaluate}, {@code compare}, {@code predict}, {@code bench} and
 * {@code build-defaults} work on files without Kafka and exit.
 */
@QuarkusMain
public class ClassifyMain implements QuarkusApplication {

  private final CommandLine.IFactory factory;

  public ClassifyMain(CommandLine.IFactory factory) {
    this.factory = factory;
  }

  public static void main(String... args) {
    if (!Cli.serving(args)) {
      // File commands need neither Kafka, the classifiers of the service, nor the HTTP port.
      setIfAbsent("mp.messaging.incoming.audio-chunks.enabled", "false");
      setIfAbsent("mp.messaging.outgoing.classifications.enabled", "false");
      setIfAbsent("mp.messaging.outgoing.dead-letters.enabled", "false");
      setIfAbsent("classify.topics.create", "false");
      setIfAbsent("quarkus.http.port", "0");
      setIfAbsent("quarkus.log.console.level", "WARN");
      setIfAbsent(
          "quarkus.log.category.\"io.smallrye.reactive.messaging.provider\".level", "ERROR");
    }
    Quarkus.run(ClassifyMain.class, args);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  @Override
  public int run(String... args) {
    return Cli.configure(new CommandLine(ClassifyCommand.class, factory)).execute(args);
  }
}
