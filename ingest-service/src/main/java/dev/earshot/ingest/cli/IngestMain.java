package dev.earshot.ingest.cli;

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
    boolean serving = args.length == 0 || args[0].equals("serve");
    if (!serving) {
      // A command shares the service's configuration but must not take its HTTP port, and its
      // output is what the user asked for, not start-up logs.
      setIfAbsent("quarkus.http.port", "0");
      setIfAbsent("quarkus.log.console.level", "WARN");
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
    return new CommandLine(IngestCommand.class, factory).execute(args);
  }
}
