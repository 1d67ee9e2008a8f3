package dev.earshot.localbroker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Runs a real single-node Apache Kafka (KRaft, combined broker and controller) from Kafka's own
 * server jars, bound to loopback, with its data in a local folder that survives restarts.
 *
 * <p>Usage: {@code LocalBroker [--data-dir DIR] [--port 9092] [--controller-port 9093] [--host
 * 127.0.0.1] [--partitions 12]}.
 */
public final class LocalBroker {

  /** Immutable settings; defaults suit one developer machine. */
  public record Settings(
      Path dataDir, String host, int port, int controllerPort, int defaultPartitions) {

    public Settings {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("--port must be 1..65535, got " + port);
      }
      if (controllerPort < 1 || controllerPort > 65535 || controllerPort == port) {
        throw new IllegalArgumentException(
            "--controller-port must be 1..65535 and differ from --port, got " + controllerPort);
      }
      if (defaultPartitions < 1) {
        throw new IllegalArgumentException("--partitions must be >= 1, got " + defaultPartitions);
      }
    }

    static Settings parse(String... args) {
      Path dataDir = Path.of(".earshot", "kafka");
      String host = "127.0.0.1";
      int port = 9092;
      int controllerPort = 9093;
      int partitions = 12;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Missing value after " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--data-dir" -> dataDir = Path.of(value);
          case "--host" -> host = value;
          case "--port" -> port = parsePort(flag, value);
          case "--controller-port" -> controllerPort = parsePort(flag, value);
          case "--partitions" -> partitions = parsePort(flag, value);
          default -> throw new IllegalArgumentException("Unknown option " + flag);
        }
      }
      return new Settings(dataDir.toAbsolutePath(), host, port, controllerPort, partitions);
    }

    private static int parsePort(String flag, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
      }
    }

    Properties serverProperties() {
      Properties p = new Properties();
      p.setProperty("process.roles", "broker,controller");
      p.setProperty("node.id", "1");
      p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
      p.setProperty(
          "listeners",
          "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
      p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
      p.setProperty("controller.listener.names", "CONTROLLER");
      p.setProperty("inter.broker.listener.name", "PLAINTEXT");
      p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
      p.setProperty("log.dirs", dataDir.resolve("logs").toString());
      p.setProperty("num.partitions", Integer.toString(defaultPartitions));
      // A single node cannot replicate internal topics.
      p.setProperty("offsets.topic.replication.factor", "1");
      p.setProperty("transaction.state.log.replication.factor", "1");
      p.setProperty("transaction.state.log.min.isr", "1");
      p.setProperty("share.coordinator.state.topic.replication.factor", "1");
      p.setProperty("share.coordinator.state.topic.min.isr", "1");
      p.setProperty("group.initial.rebalance.delay.ms", "0");
      p.setProperty("message.max.bytes", Integer.toString(4 * 1024 * 1024 + 1024));
      return p;
    }
  }

  private LocalBroker() {}

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("local-broker: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path config = prepare(settings);
    System.out.printf(
        "Kafka KRaft broker on %s:%d, data in %s%n",
        settings.host(), settings.port(), settings.dataDir());
    kafka.Kafka.main(new String[] {config.toString()});
  }

  /** Writes server.properties and formats the storage on first start; returns the config path. */
  static Path prepare(Settings settings) throws Exception {
    Files.createDirectories(settings.dataDir());
    Properties props = settings.serverProperties();
    Path config = settings.dataDir().resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "Written by Earshot's LocalBroker on every start");
    }
    if (!Files.exists(settings.dataDir().resolve("logs").resolve("meta.properties"))) {
      format(props, config);
    }
    return config;
  }

  private static void format(Properties props, Path config) throws IOException {
    String clusterId = Uuid.randomUuid().toString();
    var namespace =
        StorageTool.parseArguments(
            new String[] {"format", "-t", clusterId, "-c", config.toString()});
    try {
      StorageTool.runFormatCommand(
          namespace, KafkaConfig.fromProps(props), new PrintStream(System.out, true));
    } catch (Exception e) {
      throw new IOException("Cannot format Kafka storage in " + config.getParent() + ": " + e, e);
    }
  }
}
