package dev.earshot.pipeline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The single-node KRaft broker the launcher starts when {@code KAFKA_BOOTSTRAP_SERVERS} names no
 * cluster: on 127.0.0.1 ({@code EARSHOT_BROKER_PORT}, default 9092), data in the state folder.
 */
public final class LocalBroker {

  static final String MAIN = "dev.earshot.localbroker.LocalBroker";

  private final Home home;
  private final int port;
  private final int controllerPort;

  public LocalBroker(Home home) {
    this(
        home,
        portFromEnv("EARSHOT_BROKER_PORT", 9092),
        portFromEnv("EARSHOT_BROKER_CONTROLLER_PORT", 9093));
  }

  /** A broker on other ports, e.g. one a test stops and starts beside a developer's own. */
  public LocalBroker(Home home, int port, int controllerPort) {
    this.home = home;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Optional<ProcessHandle> process() {
    return Detached.find(pidFile(), MAIN);
  }

  public Path log() {
    return home.state().resolve("broker.log");
  }

  /** Starts the broker unless it runs; returns its bootstrap servers once it accepts clients. */
  public String start(PrintStream progress) throws IOException, InterruptedException {
    Optional<ProcessHandle> running = process();
    if (running.isPresent()) {
      return bootstrapServers();
    }
    if (KafkaAddress.portTaken(port)) {
      throw new IOException(
          "port "
              + port
              + " is taken by another process; set KAFKA_BOOTSTRAP_SERVERS to use it, or"
              + " EARSHOT_BROKER_PORT");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx1g",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            classpath(),
            MAIN,
            "--data-dir",
            home.state().resolve("kafka").toString(),
            "--port",
            String.valueOf(port),
            "--controller-port",
            String.valueOf(controllerPort)));
    progress.printf(
        "earshot: starting the local Kafka broker on %s (data in %s, log in %s)%n",
        bootstrapServers(), home.state().resolve("kafka"), log());
    Process process = Detached.start(command, Map.of(), log());
    Detached.writePid(pidFile(), process.pid());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        Files.deleteIfExists(pidFile());
        throw new IOException(
            "the local broker exited: " + Detached.lastLine(log()) + " (log: " + log() + ")");
      }
      if (KafkaAddress.portTaken(port)) {
        // The listener opens a moment before the broker has registered with its controller.
        Thread.sleep(1000);
        return bootstrapServers();
      }
      Thread.sleep(500);
    }
    throw new IOException(
        "the local broker did not open port " + port + " within 60 s (log: " + log() + ")");
  }

  /** Stops the broker; false when it was not running. */
  public boolean stop() {
    Optional<ProcessHandle> running = process();
    running.ifPresent(p -> Detached.stop(p, Duration.ofSeconds(30), pidFile()));
    return running.isPresent();
  }

  public String describe() {
    return process()
        .map(p -> "running (pid " + p.pid() + ") on " + bootstrapServers() + ", log " + log())
        .orElse("not running");
  }

  private Path pidFile() {
    return home.pidFile("broker");
  }

  private String classpath() throws IOException {
    Path target = home.root().resolve("brokers/local-broker/target");
    Path jar;
    try (Stream<Path> files = Files.list(target)) {
      jar =
          files
              .filter(f -> f.getFileName().toString().matches("local-broker-.*\\.jar"))
              .filter(f -> !f.getFileName().toString().matches(".*-(tests|sources)\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IOException("no local-broker jar in " + target));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(
          target + " is missing; build the project first (./mvnw package -DskipTests)", e);
    }
    return jar + java.io.File.pathSeparator + target.resolve("lib/*");
  }

  private static int portFromEnv(String name, int fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port 1..65535, got '" + value + "'");
    }
  }
}
