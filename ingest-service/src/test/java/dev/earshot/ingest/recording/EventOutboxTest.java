package dev.earshot.ingest.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.earshot.audio.chunk.PcmEncoding;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventOutboxTest {

  private final RecordedPublisher publisher = new RecordedPublisher();
  private final EventOutbox outbox = TestSettings.outbox(publisher);

  @AfterEach
  void close() {
    outbox.close();
  }

  private static EventOutbox.Failure failure(String id) {
    var recording =
        new Recording(
            id, RecordingSource.of(Origin.UPLOAD, "a.wav"), null, 16000, PcmEncoding.PCM_S16LE);
    return new EventOutbox.Failure(
        recording, new ChunkPublisher.Totals(3, 30.0), Rejection.KAFKA_UNAVAILABLE, "Kafka left");
  }

  @Test
  void aFailedEventKafkaDoesNotAcknowledgeIsSentAgainUntilItIs() {
    publisher.failedRefusals = 3;

    outbox.hold(failure("r1"), CompletableFuture.failedFuture(new IllegalStateException("away")));

    assertThat(outbox.size()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> outbox.size() == 0);
    assertThat(publisher.failedSends()).as("three refused, the fourth acknowledged").isEqualTo(4);
    assertThat(publisher.types()).containsExactly("FAILED");
    RecordedPublisher.Published sent = publisher.last();
    assertThat(sent.recording().id()).isEqualTo("r1");
    assertThat(sent.totals().chunks()).isEqualTo(3);
    assertThat(sent.rejection()).isEqualTo(Rejection.KAFKA_UNAVAILABLE);
    assertThat(sent.reason()).isEqualTo("Kafka left");
  }

  @Test
  void theWaitBetweenSendsDoublesUpToTheLongest() {
    publisher.failedRefusals = 6;

    outbox.hold(failure("r2"), CompletableFuture.failedFuture(new IllegalStateException("away")));

    await().atMost(Duration.ofSeconds(5)).until(() -> outbox.size() == 0);
    var sent = publisher.failedSentAtNanos;
    assertThat(sent).as("six refused, the seventh acknowledged").hasSize(7);
    // 10, 20, 40, 80 ms, then capped at 100 ms; a timer never fires early.
    long[] least = {10, 20, 40, 80, 100, 100};
    for (int i = 0; i < least.length; i++) {
      assertThat((sent.get(i + 1) - sent.get(i)) / 1_000_000)
          .as("wait before send %d", i + 2)
          .isGreaterThanOrEqualTo(least[i]);
    }
  }

  @Test
  void anAttemptStillInFlightIsWaitedForRatherThanSentTwice() throws Exception {
    var inFlight = new CompletableFuture<PublishReceipt>();

    outbox.hold(failure("r3"), inFlight);
    Thread.sleep(200);
    assertThat(publisher.failedSends()).isZero();
    inFlight.complete(new PublishReceipt("earshot.recording-events", 0, 7));

    await().atMost(Duration.ofSeconds(5)).until(() -> outbox.size() == 0);
    assertThat(publisher.failedSends()).isZero();
  }

  @Test
  void aNewAttemptAtTheRecordingSupersedesItsPendingEvent() throws Exception {
    publisher.failedRefusals = Integer.MAX_VALUE;
    outbox.hold(failure("r4"), CompletableFuture.failedFuture(new IllegalStateException("away")));
    await().atMost(Duration.ofSeconds(5)).until(() -> publisher.failedSends() >= 2);

    assertThat(outbox.supersede("r4")).isTrue();
    int sends = publisher.failedSends();
    Thread.sleep(300);

    assertThat(outbox.size()).isZero();
    assertThat(outbox.isPending("r4")).isFalse();
    assertThat(publisher.failedSends()).isLessThanOrEqualTo(sends + 1);
    assertThat(outbox.supersede("r4")).isFalse();
  }

  @Test
  void badBackoffSettingsAreRefusedNamingTheProperty() {
    assertThatThrownBy(() -> new EventOutbox.Settings(Duration.ZERO, Duration.ofSeconds(30)))
        .hasMessageContaining("ingest.publish.resend-backoff");
    assertThatThrownBy(() -> new EventOutbox.Settings(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .hasMessageContaining("ingest.publish.resend-max-backoff");
  }
}
