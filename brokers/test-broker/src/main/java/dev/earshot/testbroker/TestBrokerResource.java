package dev.earshot.testbroker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus application under test at the shared {@link TestBroker}. The broker outlives
 * application restarts between test profiles; it stops with the JVM.
 */
public class TestBrokerResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", TestBroker.bootstrapServers());
  }

  @Override
  public void stop() {
    // Shared by every test class of the JVM; closed by TestBroker's shutdown hook.
  }
}
