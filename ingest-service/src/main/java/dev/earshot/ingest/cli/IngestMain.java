package dev.earshot.ingest.cli;

import dev.earshot.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Entry point of ingest-service: without arguments (or with {@code serve}) it runs the HTTP
 * service; otherwise it runs one command ({@code files}, {@code mic}, {@code devices}, {@code
 * bench}) with the same configuration and exits.
 */
@QuarkusMain
public class IngestMain implements QuarkusApplication {

  private final CommandLine.IFactory factory;

  public IngestMain(CommandLine.IFactory factory) {
    this.factory = factory;
  }

  public static void main(String... args) {
    if (!Cli.serving(args)) {
      // A command shares the service's configuration but must not take its HTTP port, and its
      // output is what the user asked for, not start-up logs.
      setIfAbsent("quarkus.http.port", "0");
      setIfAbsent("quarkus.log.console.level", "WARN");
      // The command checks Kafka itself and says why it cannot go on; a check at start-up would
      // only add its timeout to every command, usage errors included.
      setIfAbsent("ingest.topics.create-at-start", "false");
      // An unreachable broker is reported once by the command, not by every client retry; the
      // Kafka extension configures this logger itself, so the parent category is not enough.
      setIfAbsent("quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
    }
    Quarkus.run(IngestMain.class, args);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  @Override
  public int run(String... args) {
    return Cli.configure(new CommandLine(IngestCommand.class, factory)).execute(args);
  }
}
