package dev.earshot.testbroker;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A second in-process KRaft broker whose clients must authenticate with SASL/SCRAM-SHA-512 over
 * {@code SASL_PLAINTEXT}, for the test that runs the pipeline's clients with credentials. The
 * broker itself logs in with PLAIN (the test kit's {@code plain-admin}), which also creates the
 * SCRAM user; clients get only {@link #USER}.
 */
public final class SaslTestBroker implements AutoCloseable {

  public static final String USER = "earshot";
  public static final String PASSWORD = "earshot-scram-secret";
  public static final String MECHANISM = "SCRAM-SHA-512";

  private final KafkaClusterTestKit cluster;

  private SaslTestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  public static SaslTestBroker start() {
    try {
      TestKitNodes.Builder nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT);
      KafkaClusterTestKit kit =
          TestBroker.startKit(
              nodes,
              Map.of(
                  "sasl.enabled.mechanisms",
                  "PLAIN," + MECHANISM,
                  // EXTERNAL: the test kit's client listener.
                  "listener.name.external.scram-sha-512.sasl.jaas.config",
                  "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                  // Authentication is what is tested; topics and groups are open to every user.
                  "allow.everyone.if.no.acl.found",
                  "true"));
      try (Admin admin = Admin.create(adminConfig(kit.bootstrapServers()))) {
        admin
            .alterUserScramCredentials(
                List.of(
                    new UserScramCredentialUpsertion(
                        USER,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                        PASSWORD)))
            .all()
            .get();
      }
      return new SaslTestBroker(kit);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the in-process SASL Kafka broker: " + e, e);
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** What a client needs besides the bootstrap servers: protocol, mechanism and login. */
  public static Map<String, String> clientSecurity() {
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        MECHANISM,
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + USER
            + "\" password=\""
            + PASSWORD
            + "\";");
  }

  private static Map<String, Object> adminConfig(String bootstrap) {
    return Map.of(
        "bootstrap.servers",
        bootstrap,
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        "PLAIN",
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"plain-admin\" password=\"plain-admin-secret\";");
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
