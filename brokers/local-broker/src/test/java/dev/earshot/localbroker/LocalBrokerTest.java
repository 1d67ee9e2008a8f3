package dev.earshot.localbroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBrokerTest {

  @TempDir Path dataDir;

  @Test
  void aRecordWrittenBeforeARestartIsStillThereAfterIt() throws Exception {
    int port = freePort();
    int controllerPort = freePort();
    String bootstrap = "127.0.0.1:" + port;

    Process first = start(port, controllerPort);
    try {
      awaitBroker(bootstrap, first);
      try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      try (var producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, "acks", "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "k", "before restart")).get();
      }
    } finally {
      stop(first);
    }
    assertThat(dataDir.resolve("logs/meta.properties")).exists();

    Process second = start(port, controllerPort);
    try {
      awaitBroker(bootstrap, second);
      assertThat(readAll(bootstrap, "kept")).containsExactly("before restart");
    } finally {
      stop(second);
    }
  }

  @Test
  void badOptionsAreRejectedNamingTheOption() {
    assertThatThrownBy(() -> LocalBroker.Settings.parse("--port", "99999"))
        .hasMessageContaining("--port")
        .hasMessageContaining("99999");
    assertThatThrownBy(() -> LocalBroker.Settings.parse("--colour", "blue"))
        .hasMessageContaining("--colour");
    assertThatThrownBy(
            () -> LocalBroker.Settings.parse("--port", "9092", "--controller-port", "9092"))
        .hasMessageContaining("--controller-port");
  }

  @Test
  void theServerListensOnlyOnTheGivenHost() {
    var props =
        LocalBroker.Settings.parse("--data-dir", dataDir.toString(), "--port", "19092")
            .serverProperties();

    assertThat(props.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:9093");
    assertThat(props.getProperty("log.dirs")).isEqualTo(dataDir.resolve("logs").toString());
  }

  private Process start(int port, int controllerPort) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            LocalBroker.class.getName(),
            "--data-dir",
            dataDir.toString(),
            "--port",
            Integer.toString(port),
            "--controller-port",
            Integer.toString(controllerPort))
        .redirectErrorStream(true)
        .redirectOutput(
            dataDir.resolve("broker-" + port + "-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  private static void awaitBroker(String bootstrap, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (var admin =
        Admin.create(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "default.api.timeout.ms",
                2000,
                "request.timeout.ms",
                1000))) {
      while (System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("broker process alive").isTrue();
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (Exception notYet) {
          Thread.sleep(200);
        }
      }
    }
    throw new AssertionError("Broker at " + bootstrap + " did not start within 60 s");
  }

  private static List<String> readAll(String bootstrap, String topic) {
    try (var consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringDeserializer(),
            new StringDeserializer())) {
      var partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          List<String> values = new java.util.ArrayList<>();
          records.forEach(r -> values.add(r.value()));
          return values;
        }
      }
      return List.of();
    }
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
