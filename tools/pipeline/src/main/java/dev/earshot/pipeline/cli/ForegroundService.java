package dev.earshot.pipeline.cli;

import dev.earshot.pipeline.local.Home;
import dev.earshot.pipeline.local.LocalPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A service in the foreground of the terminal, as a developer runs one while working on it: Kafka
 * from {@code KAFKA_BOOTSTRAP_SERVERS} or the local broker, the log on the console, Ctrl-C stops
 * it. Takes no arguments, so a typo is a usage error rather than a service that ignores it.
 */
public abstract class ForegroundService implements Callable<Integer> {

  private final String module;

  protected ForegroundService(String module) {
    this.module = module;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Home home = Home.fromEnvironment();
    Path jar = home.serviceJar(module);
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " is missing; build it first (./earshot build)");
    }
    String kafka = new LocalPipeline(home).kafka(System.err);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String options = System.getenv("EARSHOT_SERVICE_JAVA_OPTS");
    if (options != null && !options.isBlank()) {
      command.addAll(List.of(options.strip().split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka);
    Process service = builder.start();
    // Ctrl-C reaches both processes; a plain kill of this one must not leave the service behind.
    Thread stop = new Thread(service::destroy, module + "-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    int exit = service.waitFor();
    try {
      Runtime.getRuntime().removeShutdownHook(stop);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running already.
    }
    return exit;
  }
}
