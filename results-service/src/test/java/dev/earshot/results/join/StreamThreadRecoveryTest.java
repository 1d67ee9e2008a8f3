package dev.earshot.results.join;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class StreamThreadRecoveryTest {

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = Instant.parse("2026-12-06T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final KafkaException BROKER_GONE =
      new KafkaException("Cannot execute transactional method because we are in an error state");

  @Test
  void aFailedThreadIsReplacedUntilFailuresComeTooOftenThenTheClientShutsDown() {
    var clock = new Moving();
    var recovery = new StreamThreadRecovery(3, Duration.ofMinutes(10), clock);

    assertThat(recovery.handle(BROKER_GONE)).isEqualTo(REPLACE_THREAD);
    clock.now = clock.now.plusSeconds(60);
    assertThat(recovery.handle(BROKER_GONE)).isEqualTo(REPLACE_THREAD);
    assertThat(recovery.handle(BROKER_GONE)).isEqualTo(REPLACE_THREAD);
    // A fourth within ten minutes of the first: it keeps failing, so no more replacing.
    assertThat(recovery.handle(BROKER_GONE)).isEqualTo(SHUTDOWN_CLIENT);
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() {
    var clock = new Moving();
    var recovery = new StreamThreadRecovery(2, Duration.ofMinutes(10), clock);
    recovery.handle(BROKER_GONE);
    recovery.handle(BROKER_GONE);

    clock.now = clock.now.plus(Duration.ofMinutes(10));

    assertThat(recovery.handle(BROKER_GONE)).isEqualTo(REPLACE_THREAD);
    assertThat(recovery.handle(BROKER_GONE)).isEqualTo(REPLACE_THREAD);
    assertThat(recovery.handle(BROKER_GONE)).isEqualTo(SHUTDOWN_CLIENT);
  }

  @Test
  void noReplacementsMeansTheFirstFailureShutsTheClientDown() {
    var recovery = new StreamThreadRecovery(0, Duration.ofMinutes(1), new Moving());
    assertThat(recovery.handle(BROKER_GONE)).isEqualTo(SHUTDOWN_CLIENT);
  }

  /**
   * With the real broker and exactly-once processing: a stream thread whose processing throws once
   * is replaced, the client keeps running, and the record that failed is processed once, not lost
   * and not twice. Kafka Streams' default would have shut the client down at the first failure.
   */
  @Test
  void aFailedStreamThreadIsReplacedAndTheJoinGoesOnExactlyOnce() throws Exception {
    String id = java.util.UUID.randomUUID().toString().substring(0, 8);
    String in = "recovery-in-" + id;
    String out = "recovery-out-" + id;
    String bootstrap = dev.earshot.testbroker.TestBroker.bootstrapServers();
    var failedOnce = new java.util.concurrent.atomic.AtomicBoolean();
    var builder = new org.apache.kafka.streams.StreamsBuilder();
    builder.<String, String>stream(in)
        .mapValues(
            v -> {
              if (v.equals("boom") && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
              }
              return v.toUpperCase(java.util.Locale.ROOT);
            })
        .to(out);
    var props = new java.util.Properties();
    props.put("application.id", "recovery-" + id);
    props.put("bootstrap.servers", bootstrap);
    props.put("processing.guarantee", "exactly_once_v2");
    props.put("default.key.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class);
    props.put(
        "default.value.serde", org.apache.kafka.common.serialization.Serdes.StringSerde.class);
    props.put("state.dir", java.nio.file.Files.createTempDirectory("recovery").toString());
    props.put("commit.interval.ms", 50);
    // The failed thread's consumer is not closed cleanly, so its partitions move on when its
    // session ends: 10 s here rather than the default 45 s.
    props.put("consumer.session.timeout.ms", 10000);
    var recovery = new StreamThreadRecovery(3, Duration.ofMinutes(10), Clock.systemUTC());
    try (var producer =
            new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                java.util.Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer());
        var streams = new org.apache.kafka.streams.KafkaStreams(builder.build(), props)) {
      streams.setUncaughtExceptionHandler(recovery);
      for (String v : new String[] {"a", "boom", "c"}) {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(in, "k", v)).get();
      }
      streams.start();

      java.util.List<String> got = readCommitted(bootstrap, out, 3);

      assertThat(got).containsExactly("A", "BOOM", "C");
      assertThat(failedOnce).isTrue();
      assertThat(streams.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.RUNNING);
    }
  }

  /** The committed values of a topic, once {@code count} arrived (or 60 s passed), and 2 s more. */
  private static java.util.List<String> readCommitted(String bootstrap, String topic, int count) {
    var got = new java.util.ArrayList<String>();
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(
            java.util.Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "recovery-reader-" + topic,
                "auto.offset.reset",
                "earliest",
                "isolation.level",
                "read_committed"),
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.StringDeserializer())) {
      consumer.subscribe(java.util.List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      long settle = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, settle)) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> got.add(r.value()));
        if (got.size() >= count && settle == Long.MAX_VALUE) {
          // A duplicate would come right after; wait a little for one.
          settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        }
      }
    }
    return got;
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> new StreamThreadRecovery(-1, Duration.ofMinutes(1), new Moving()))
        .hasMessageContaining("results.max-thread-replacements")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new StreamThreadRecovery(3, Duration.ZERO, new Moving()))
        .hasMessageContaining("results.thread-replacement-window");
  }
}
