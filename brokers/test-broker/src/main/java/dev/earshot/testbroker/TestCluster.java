package dev.earshot.testbroker;

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
    int copies = Math.min(3, brokers);
    int inSync = Math.max(1, copies - 1);
    return new TestCluster(
        TestBroker.startKit(
            new TestKitNodes.Builder().setCombined(false).setNumBrokerNodes(brokers),
            Map.of(
                "default.replication.factor", copies,
                "min.insync.replicas", inSync,
                "offsets.topic.replication.factor", (short) copies,
                "transaction.state.log.replication.factor", (short) copies,
                "transaction.state.log.min.isr", inSync)));
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
