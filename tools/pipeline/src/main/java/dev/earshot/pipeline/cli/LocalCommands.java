package dev.earshot.pipeline.cli;

import dev.earshot.cli.Cli;
import dev.earshot.cli.ExitCodes;
import dev.earshot.pipeline.local.Home;
import dev.earshot.pipeline.local.LocalPipeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The pipeline on this machine: start, stop, status, the local broker, foreground services. */
public final class LocalCommands {

  private LocalCommands() {}

  /** A command that only groups others: run alone, it asks which one. */
  public abstract static class Group implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw Cli.whichCommand(spec);
    }
  }

  private static LocalPipeline pipeline() {
    return new LocalPipeline(Home.fromEnvironment());
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start the four services (and the local broker) and wait until they are ready.")
  static final class Start implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      pipeline().start(System.err);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop the services and the local broker.")
  static final class Stop implements Callable<Integer> {
    @Override
    public Integer call() {
      pipeline().stop(System.err);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "List the services and the local broker with their ports and logs.")
  static final class Status implements Callable<Integer> {
    @Override
    public Integer call() {
      pipeline().status().forEach(System.out::println);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "broker",
      mixinStandardHelpOptions = true,
      description = "The local single-node KRaft broker on 127.0.0.1:9092, data in .earshot/.",
      subcommands = {Broker.Start.class, Broker.Stop.class, Broker.Status.class, Broker.Logs.class})
  static final class Broker extends Group {
    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the broker.")
    static final class Start implements Callable<Integer> {
      @Override
      public Integer call() throws Exception {
        var broker = pipeline().broker();
        broker.start(System.err);
        System.err.println("earshot: local broker " + broker.describe());
        return ExitCodes.OK;
      }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the broker.")
    static final class Stop implements Callable<Integer> {
      @Override
      public Integer call() {
        System.err.println(
            pipeline().broker().stop()
                ? "earshot: local broker stopped"
                : "earshot: local broker is not running");
        return ExitCodes.OK;
      }
    }

    @Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Whether the broker runs.")
    static final class Status implements Callable<Integer> {
      @Override
      public Integer call() {
        System.out.println(pipeline().broker().describe());
        return ExitCodes.OK;
      }
    }

    @Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Follow the broker's log (tail -f).")
    static final class Logs implements Callable<Integer> {
      @Override
      public Integer call() throws Exception {
        var log = pipeline().broker().log();
        return new ProcessBuilder("tail", "-n", "100", "-f", log.toString())
            .inheritIO()
            .start()
            .waitFor();
      }
    }
  }

  @Command(
      name = "results",
      mixinStandardHelpOptions = true,
      description =
          "Run results-service (the join, query API and dashboard) in the foreground on port"
              + " 8083.")
  static final class Results extends ForegroundService {
    Results() {
      super("results-service");
    }
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Run ingest-service (uploads, live streams) in the foreground on port 8080.")
  public static final class Serve extends ForegroundService {
    public Serve() {
      super("ingest-service");
    }
  }

  /** {@code earshot stt serve}; the STT tools (transcribe, bench) have a launcher of their own. */
  @Command(
      name = "stt",
      mixinStandardHelpOptions = true,
      description = "stt-service: the Kafka worker.",
      subcommands = SttServe.class)
  static final class Stt extends Group {}

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Run stt-service (the Kafka worker) in the foreground on port 8081.")
  static final class SttServe extends ForegroundService {
    SttServe() {
      super("stt-service");
    }
  }

  /** {@code earshot classify serve}; the classify tools have a launcher of their own. */
  @Command(
      name = "classify",
      mixinStandardHelpOptions = true,
      description = "classify-service: the Kafka worker.",
      subcommands = ClassifyServe.class)
  static final class Classify extends Group {}

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Run classify-service (the Kafka worker) in the foreground on port 8082.")
  static final class ClassifyServe extends ForegroundService {
    ClassifyServe() {
      super("classify-service");
    }
  }
}
