package dev.earshot.testbroker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schema.RecordingEvent;
import dev.earshot.schema.RecordingEventType;
import dev.earshot.schema.SourceInfo;
import dev.earshot.schema.SourceKind;
import dev.earshot.schema.serde.AvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestBrokerTest {

  @Test
  void theBrokerIsStartedOnceAndServesTheSameAddress() {
    assertThat(TestBroker.bootstrapServers()).isEqualTo(TestBroker.bootstrapServers());
  }

  @Test
  void anAvroRecordWrittenToTheBrokerIsReadBack() throws Exception {
    String topic = "test-broker-roundtrip";
    var event =
        RecordingEvent.newBuilder()
            .setRecordingId("r-42")
            .setType(RecordingEventType.STARTED)
            .setTimestamp(Instant.parse("2026-01-01T00:00:00Z"))
            .setSource(SourceInfo.newBuilder().setKind(SourceKind.FILE).build())
            .build();
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestBroker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (var producer =
        new KafkaProducer<String, SpecificRecord>(
            config, new StringSerializer(), new AvroSerializer())) {
      producer.send(new ProducerRecord<>(topic, "r-42", event)).get();
    }

    var records =
        new TopicReader()
            .readUntil(topic, r -> true, got -> !got.isEmpty(), Duration.ofSeconds(30));

    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("r-42");
              assertThat(r.value()).isEqualTo(event);
            });
    try (var admin = Admin.create(Map.of("bootstrap.servers", TestBroker.bootstrapServers()))) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(1);
    }
  }
}
