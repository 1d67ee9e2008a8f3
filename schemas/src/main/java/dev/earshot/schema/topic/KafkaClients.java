package dev.earshot.schema.topic;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How every Earshot Kafka client reaches the cluster, TLS and SASL included. In a service,
 * Quarkus's {@code default-kafka-broker} settings ({@code kafka.*} properties and {@code KAFKA_*}
 * environment variables) go to every channel; the clients the services make themselves (topic
 * set-up, reachability checks, the live feed) and Kafka Streams take the same ones, and the tools
 * read the same variables, so one set configures everything: e.g. {@code
 * KAFKA_SECURITY_PROTOCOL=SASL_SSL}, {@code KAFKA_SASL_MECHANISM=SCRAM-SHA-512}, {@code
 * KAFKA_SASL_JAAS_CONFIG=...}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION=...}.
 */
public final class KafkaClients {

  private static final String PREFIX = "KAFKA_";

  private KafkaClients() {}

  /** {@code shared} with the client's own settings on top. */
  public static Map<String, Object> with(Map<String, Object> shared, Map<String, Object> own) {
    Map<String, Object> out = new HashMap<>(shared);
    out.putAll(own);
    return out;
  }

  /**
   * The TLS and SASL settings in {@code KAFKA_*} variables, named as Quarkus names them: the rest
   * of the variable in lower case with dots for underscores ({@code KAFKA_SASL_JAAS_CONFIG} is
   * {@code sasl.jaas.config}). Only {@code security.*}, {@code sasl.*} and {@code ssl.*} are taken.
   */
  public static Map<String, Object> securityFrom(Map<String, String> environment) {
    Map<String, Object> out = new HashMap<>();
    environment.forEach(
        (name, value) -> {
          if (!name.startsWith(PREFIX) || value == null || value.isBlank()) {
            return;
          }
          String key = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
          if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
            out.put(key, value);
          }
        });
    return out;
  }

  /** {@link #securityFrom} of this process's environment, for the tools. */
  public static Map<String, Object> securityFromEnvironment() {
    return securityFrom(System.getenv());
  }
}
