package dev.earshot.pipeline;

import dev.earshot.cli.ResidentMemory;
import dev.earshot.pipeline.local.Detached;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service's packaged Quarkus jar running as a child process, with its log in a file. */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * @param properties system properties for the service (Quarkus reads them as configuration)
   * @param env extra environment, e.g. KAFKA_BOOTSTRAP_SERVERS
   * @param detached whether the service outlives this process, in a session of its own
   */
  public static ServiceProcess start(
      String name,
      Path jar,
      int port,
      String maxHeap,
      Map<String, String> properties,
      Map<String, String> env,
      Path logDir,
      boolean detached)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(
          name + ": " + jar + " is missing; build it first (./mvnw package -DskipTests)");
    }
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-Dquarkus.http.port=" + port);
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-jar");
    command.add(jar.toString());
    Map<String, String> environment = new HashMap<>(env);
    // libgomp spins idle threads otherwise, which starves small machines running four services.
    if (System.getenv("OMP_WAIT_POLICY") == null) {
      environment.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
    }
    if (detached) {
      return new ServiceProcess(name, port, Detached.start(command, environment, log), log);
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    return new ServiceProcess(name, port, builder.start(), log);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Waits until {@code /q/health/ready} answers 200; fails with the log's tail if it dies. */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + ":\n" + tail(40));
      }
      try {
        var response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IOException(name + " was not ready within " + timeout + ":\n" + tail(40));
  }

  /** Peak and current resident memory from /proc (Linux), in bytes. */
  public ResidentMemory memory() {
    return ResidentMemory.of(process.pid());
  }

  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * Waits until the service exits by itself.
   *
   * @return its exit status, or empty if it still runs after the timeout
   */
  public java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? java.util.OptionalInt.of(process.exitValue())
        : java.util.OptionalInt.empty();
  }

  /** Kills the service at once (SIGKILL) and waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the service gracefully (SIGTERM), forcibly after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
