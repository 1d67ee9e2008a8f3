package dev.earshot.testbroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * An in-process KRaft cluster of several brokers and one controller of its own, replicated as a
 * production cluster is (three copies, two in sync), for tests in which a broker dies: the
 * controller quorum outlives any broker.
 */
public final class TestCluster implements AutoCloseable {

  private final KafkaClusterTestKit cluster;

  private TestCluster(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  public static TestCluster start(int brokers) {
    try {
      Path dir = Files.createTempDirectory("earshot-test-cluster");
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(false)
              .setNumBrokerNodes(brokers)
              .setNumControllerNodes(1)
              .setBaseDirectory(dir)
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      Map<String, Object> config = new HashMap<>(TestBroker.BROKER_CONFIG);
      short copies = (short) Math.min(3, brokers);
      config.put("default.replication.factor", (int) copies);
      config.put("min.insync.replicas", Math.max(1, copies - 1));
      config.put("offsets.topic.replication.factor", copies);
      config.put("transaction.state.log.replication.factor", copies);
      config.put("transaction.state.log.min.isr", Math.max(1, copies - 1));
      config.forEach(builder::setConfigProp);
      KafkaClusterTestKit kit = builder.setDeleteOnClose(true).build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return new TestCluster(kit);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the in-process Kafka cluster: " + e, e);
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public List<Integer> brokerIds() {
    return cluster.brokers().keySet().stream().sorted().toList();
  }

  /** Stops one broker as a crash would leave it: its replicas drop out, clients fail over. */
  public void stopBroker(int id) {
    cluster.brokers().get(id).shutdown();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
