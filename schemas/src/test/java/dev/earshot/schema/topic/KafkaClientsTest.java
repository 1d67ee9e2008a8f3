package dev.earshot.schema.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

  @Test
  void takesTlsAndSaslSettingsFromKafkaVariablesAsQuarkusNamesThem() {
    Map<String, Object> security =
        KafkaClients.securityFrom(
            Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache...ScramLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9093",
                "KAFKA_HOME", "/opt/kafka",
                "KAFKA_SSL_KEY_PASSWORD", " ",
                "PATH", "/usr/bin"));

    assertThat(security)
        .containsOnly(
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
            Map.entry("sasl.jaas.config", "org.apache...ScramLoginModule required;"),
            Map.entry("ssl.truststore.location", "/etc/kafka/ca.p12"));
  }

  @Test
  void aClientsOwnSettingsGoOnTopOfTheSharedOnes() {
    assertThat(
            KafkaClients.with(
                Map.of("bootstrap.servers", "a:9092", "client.id", "shared"),
                Map.of("client.id", "mine")))
        .containsOnly(Map.entry("bootstrap.servers", "a:9092"), Map.entry("client.id", "mine"));
  }
}
