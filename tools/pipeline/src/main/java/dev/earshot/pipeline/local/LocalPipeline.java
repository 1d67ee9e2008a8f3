package dev.earshot.pipeline.local;

import dev.earshot.pipeline.ServiceProcess;
import dev.earshot.pipeline.Services;
import dev.earshot.schema.EarshotService;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The four services on this machine's default ports, started by {@code earshot start} (or {@code
 * run}) and left running until {@code earshot stop}: the same {@link Services} the end-to-end tests
 * and the benchmark start, detached, with pid files and logs in the state folder.
 */
public final class LocalPipeline {

  /** The first start fetches Whisper and the classifiers' models, which can take minutes. */
  static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

  private final Home home;
  private final LocalBroker broker;

  public LocalPipeline(Home home) {
    this.home = home;
    this.broker = new LocalBroker(home);
  }

  public LocalBroker broker() {
    return broker;
  }

  /**
   * The cluster to use: {@code KAFKA_BOOTSTRAP_SERVERS} when set (checked to answer, so nothing
   * waits on an address where no broker runs), otherwise the local broker, started if needed.
   */
  public String kafka(PrintStream progress) throws IOException, InterruptedException {
    String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (configured == null || configured.isBlank()) {
      return broker.start(progress);
    }
    if (!KafkaAddress.reachable(configured, 5000)) {
      throw new IOException(
          "Kafka at "
              + configured
              + " is unreachable; start it, or unset KAFKA_BOOTSTRAP_SERVERS to use the local"
              + " broker");
    }
    return configured;
  }

  /** Starts what is not running and waits until every service is ready; returns the cluster. */
  public String start(PrintStream progress) throws IOException, InterruptedException {
    String kafka = kafka(progress);
    Set<String> running = new HashSet<>();
    for (String name : Services.NAMES) {
      if (process(name).isPresent()) {
        running.add(name);
      } else if (KafkaAddress.portTaken(port(name))) {
        throw new IOException(
            "port " + port(name) + " is taken by another process, so " + name + " cannot start");
      }
    }
    if (running.size() == Services.NAMES.size()) {
      return kafka;
    }
    for (String name : Services.NAMES) {
      if (!running.contains(name)) {
        progress.printf(
            "earshot: starting %s on port %d (log in %s)%n",
            name, port(name), home.logs().resolve(name + ".log"));
      }
    }
    Services services =
        Services.start(
            new Services.Options(
                home.root(),
                kafka,
                Services.Ports.DEFAULT,
                "",
                home.state(),
                1,
                Map.of(),
                Map.of(),
                home.apiKey(),
                home.readKey(),
                true,
                running,
                READY_TIMEOUT));
    for (ServiceProcess p : services.processes()) {
      Detached.writePid(home.pidFile(p.name()), p.pid());
    }
    progress.printf(
        "earshot: pipeline ready: ingest :%d, stt :%d, classify :%d, results and dashboard"
            + " http://localhost:%d%n",
        port("ingest-service"),
        port("stt-service"),
        port("classify-service"),
        port("results-service"));
    progress.printf(
        "earshot: the dashboard and query API ask for the read key in %s%n",
        home.state().resolve("read-key"));
    return kafka;
  }

  /** Stops the services, ingest first and the join last, then the local broker. */
  public void stop(PrintStream progress) {
    List<String> order = new ArrayList<>(Services.NAMES);
    java.util.Collections.reverse(order);
    for (String name : order) {
      process(name)
          .ifPresent(
              p -> {
                Detached.stop(p, Duration.ofSeconds(30), home.pidFile(name));
                progress.printf("earshot: %s stopped%n", name);
              });
    }
    progress.println(
        broker.stop() ? "earshot: local broker stopped" : "earshot: local broker is not running");
  }

  /** One line per service and the broker. */
  public List<String> status() {
    List<String> lines = new ArrayList<>();
    for (String name : Services.NAMES) {
      lines.add(
          process(name)
              .map(
                  p ->
                      String.format(
                          "%-17s running (pid %d) on port %d, log %s",
                          name, p.pid(), port(name), home.logs().resolve(name + ".log")))
              .orElse(String.format("%-17s not running", name)));
    }
    lines.add(String.format("%-17s %s", "local broker", broker.describe()));
    return lines;
  }

  private Optional<ProcessHandle> process(String name) {
    return Detached.find(home.pidFile(name), name);
  }

  private static int port(String name) {
    return EarshotService.ofModule(name).port();
  }
}
