package dev.earshot.pipeline.cli;

import dev.earshot.pipeline.local.Home;
import dev.earshot.pipeline.local.LocalBroker;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The Kafka cluster a pipeline command talks to; a picocli mixin shared by every command. */
public final class KafkaOption {

  @Option(
      names = "--bootstrap-servers",
      description =
          "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or localhost:9092).")
  String bootstrapServers;

  /** The option, else {@code KAFKA_BOOTSTRAP_SERVERS} when set and not blank, else localhost. */
  public String bootstrapServers() {
    if (bootstrapServers != null) {
      return bootstrapServers;
    }
    String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    return env == null || env.isBlank() ? "localhost:9092" : env;
  }

  /**
   * Starts this machine's local broker when neither the option nor {@code KAFKA_BOOTSTRAP_SERVERS}
   * names a cluster, as every launcher command that talks to Kafka does; returns the servers.
   */
  public String orLocalBroker() throws IOException, InterruptedException {
    String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    if (bootstrapServers == null && (env == null || env.isBlank())) {
      bootstrapServers = new LocalBroker(Home.fromEnvironment()).start(System.err);
    }
    return bootstrapServers();
  }

  /** A Kafka client's timeout as what it most likely means, and what to do about it. */
  public IllegalStateException unreachable(Exception timeout, Duration waited) {
    return new IllegalStateException(
        "Kafka at "
            + bootstrapServers()
            + " did not answer within "
            + waited.toSeconds()
            + " s; start it (./earshot broker start) or name a running cluster with"
            + " --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS",
        timeout);
  }
}
