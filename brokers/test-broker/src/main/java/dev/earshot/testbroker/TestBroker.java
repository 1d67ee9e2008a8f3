package dev.earshot.testbroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running inside the test
 * JVM, started on first use and stopped when the JVM exits, so every test class shares it.
 */
public final class TestBroker {

  static final Map<String, Object> BROKER_CONFIG =
      Map.of(
          "group.initial.rebalance.delay.ms", 0,
          "offsets.topic.replication.factor", (short) 1,
          "offsets.topic.num.partitions", 4,
          "transaction.state.log.replication.factor", (short) 1,
          "transaction.state.log.min.isr", 1,
          "transaction.state.log.num.partitions", 4,
          "message.max.bytes", 4 * 1024 * 1024 + 1024,
          "num.partitions", 3,
          "auto.create.topics.enable", true);

  /**
   * Where the running broker's address is kept. Quarkus tests load this class in more than one
   * class loader (the test's and the application's), so a static field alone would start a second
   * broker; a system property is shared by the whole JVM.
   */
  static final String ADDRESS_PROPERTY = "earshot.test-broker.bootstrap-servers";

  private static KafkaClusterTestKit cluster;

  private TestBroker() {}

  /** The bootstrap servers of the shared broker, starting it on first call. */
  public static String bootstrapServers() {
    synchronized (System.getProperties()) {
      String running = System.getProperty(ADDRESS_PROPERTY);
      if (running != null) {
        return running;
      }
      cluster = start();
      Runtime.getRuntime().addShutdownHook(new Thread(TestBroker::stop, "test-broker-stop"));
      System.setProperty(ADDRESS_PROPERTY, cluster.bootstrapServers());
      return cluster.bootstrapServers();
    }
  }

  private static KafkaClusterTestKit start() {
    return startKit(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1), Map.of());
  }

  /**
   * Formats and starts a test-kit cluster of {@code nodes} (one controller) in a temporary folder
   * with {@link #BROKER_CONFIG}, {@code config} on top, and waits until its brokers are ready.
   */
  static KafkaClusterTestKit startKit(TestKitNodes.Builder nodes, Map<String, Object> config) {
    try {
      Path dir = Files.createTempDirectory("earshot-test-broker");
      KafkaClusterTestKit.Builder builder =
          new KafkaClusterTestKit.Builder(
              nodes.setNumControllerNodes(1).setBaseDirectory(dir).build());
      BROKER_CONFIG.forEach(builder::setConfigProp);
      config.forEach(builder::setConfigProp);
      KafkaClusterTestKit kit = builder.setDeleteOnClose(true).build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return kit;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the in-process Kafka broker: " + e, e);
    }
  }

  private static void stop() {
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        System.err.println("Stopping the test broker failed: " + e);
      }
      cluster = null;
    }
  }
}
