package dev.earshot.testbroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class SaslTestBrokerTest {

  @Test
  void onlyAClientWithTheScramLoginGetsIn() throws Exception {
    try (SaslTestBroker broker = SaslTestBroker.start()) {
      Map<String, Object> good = new HashMap<>(SaslTestBroker.clientSecurity());
      good.put("bootstrap.servers", broker.bootstrapServers());
      try (Admin admin = Admin.create(good)) {
        admin.createTopics(Set.of(new NewTopic("sasl-check", 1, (short) 1))).all().get();
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("sasl-check");
      }

      Map<String, Object> wrong = new HashMap<>(good);
      wrong.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
              + SaslTestBroker.USER
              + "\" password=\"guess\";");
      try (Admin admin = Admin.create(wrong)) {
        assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
            .hasRootCauseInstanceOf(
                org.apache.kafka.common.errors.SaslAuthenticationException.class);
      }
    }
  }
}
