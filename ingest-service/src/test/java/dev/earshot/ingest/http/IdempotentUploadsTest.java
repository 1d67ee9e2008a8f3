package dev.earshot.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotentUploadsTest {

  private static final byte[] AUDIO = sha("audio");
  private static final byte[] OTHER_AUDIO = sha("other audio");

  /** A clock the test moves: TTLs of a day have no real counterpart in a unit test. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final ManualClock clock = new ManualClock();

  private IdempotentUploads<String> uploads(int maxKeys) {
    return new IdempotentUploads<>(
        new IdempotentUploads.Settings(Duration.ofHours(24), maxKeys), clock);
  }

  private static byte[] sha(String text) {
    return IdempotentUploads.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theRecordingIdComesFromTheKeyAndTheCallerAndNothingElse() {
    String id = IdempotentUploads.recordingId("upload-key-0123456789", "file-42");

    assertThat(IdempotentUploads.recordingId("upload-key-0123456789", "file-42")).isEqualTo(id);
    assertThat(IdempotentUploads.recordingId("upload-key-0123456789", "file-43")).isNotEqualTo(id);
    assertThat(IdempotentUploads.recordingId("another-key-0123456789", "file-42"))
        .as("two callers' equal keys never meet")
        .isNotEqualTo(id);
    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(8);
    assertThat(uuid.variant()).isEqualTo(2);
  }

  @Test
  void keysMustBeOneTo255PrintableAsciiCharacters() {
    assertThat(IdempotentUploads.problemWith("a")).isNull();
    assertThat(IdempotentUploads.problemWith("sha256:" + "f".repeat(64))).isNull();
    assertThat(IdempotentUploads.problemWith("x".repeat(255))).isNull();

    assertThat(IdempotentUploads.problemWith(""))
        .isEqualTo("Idempotency-Key must be 1 to 255 characters long, got 0");
    assertThat(IdempotentUploads.problemWith("x".repeat(256)))
        .isEqualTo("Idempotency-Key must be 1 to 255 characters long, got 256");
    assertThat(IdempotentUploads.problemWith("clé"))
        .isEqualTo("Idempotency-Key must be printable ASCII; character 3 is U+00E9");
    assertThat(IdempotentUploads.problemWith("a\tb")).contains("character 2 is U+0009");
  }

  @Test
  void aRetryOfAnAcceptedUploadGetsTheSameAnswer() {
    var uploads = uploads(10);
    assertThat(uploads.claim("r1", AUDIO))
        .isEqualTo(new IdempotentUploads.Proceed<String>("r1", false));
    uploads.accepted("r1", "202 body");

    assertThat(uploads.isAccepted("r1")).isTrue();
    assertThat(uploads.claim("r1", AUDIO))
        .isEqualTo(new IdempotentUploads.Replay<String>("r1", "202 body"));
  }

  @Test
  void aRetryWhileTheFirstIsInProgressIsAConflict() {
    var uploads = uploads(10);
    uploads.claim("r1", AUDIO);

    assertThat(uploads.claim("r1", AUDIO))
        .isEqualTo(new IdempotentUploads.InProgress<String>("r1"));
    assertThat(uploads.isAccepted("r1")).isFalse();
  }

  @Test
  void theSameKeyWithOtherAudioIsRefusedWhateverBecameOfTheFirst() {
    var uploads = uploads(10);
    uploads.claim("r1", AUDIO);
    assertThat(uploads.claim("r1", OTHER_AUDIO))
        .isEqualTo(new IdempotentUploads.DifferentAudio<String>("r1"));
    uploads.accepted("r1", "202 body");
    assertThat(uploads.claim("r1", OTHER_AUDIO))
        .isEqualTo(new IdempotentUploads.DifferentAudio<String>("r1"));
  }

  @Test
  void aRetryAfterAFailedAttemptIngestsAgainUnderTheSameId() {
    var uploads = uploads(10);
    uploads.claim("r1", AUDIO);
    uploads.failed("r1");

    assertThat(uploads.claim("r1", AUDIO))
        .isEqualTo(new IdempotentUploads.Proceed<String>("r1", true));
    assertThat(uploads.claim("r1", AUDIO))
        .as("the new attempt is in progress in its turn")
        .isEqualTo(new IdempotentUploads.InProgress<String>("r1"));
    uploads.accepted("r1", "202 body");
    assertThat(uploads.claim("r1", AUDIO))
        .isEqualTo(new IdempotentUploads.Replay<String>("r1", "202 body"));
  }

  @Test
  void answersAreForgottenOnceTheirTimeToLiveIsOverButRunningUploadsAreNot() {
    var uploads = uploads(10);
    uploads.claim("done", AUDIO);
    uploads.accepted("done", "202 body");
    clock.now = clock.now.plus(Duration.ofHours(12));
    uploads.claim("running", AUDIO);
    clock.now = clock.now.plus(Duration.ofHours(13));

    assertThat(uploads.claim("done", OTHER_AUDIO))
        .as("forgotten: a new upload")
        .isEqualTo(new IdempotentUploads.Proceed<String>("done", false));
    assertThat(uploads.claim("running", AUDIO))
        .isEqualTo(new IdempotentUploads.InProgress<String>("running"));
  }

  @Test
  void atTheLimitTheOldestAnsweredKeyMakesRoom() {
    var uploads = uploads(3);
    uploads.claim("running", AUDIO);
    uploads.claim("old", AUDIO);
    uploads.accepted("old", "old body");
    uploads.claim("newer", AUDIO);
    uploads.failed("newer");

    uploads.claim("newest", AUDIO);

    assertThat(uploads.size()).isEqualTo(3);
    assertThat(uploads.isAccepted("old")).isFalse();
    assertThat(uploads.claim("running", AUDIO))
        .isEqualTo(new IdempotentUploads.InProgress<String>("running"));
    assertThat(uploads.claim("newer", AUDIO))
        .isEqualTo(new IdempotentUploads.Proceed<String>("newer", true));
  }

  @Test
  void badSettingsAreRefusedNamingTheProperty() {
    assertThatThrownBy(() -> new IdempotentUploads.Settings(Duration.ZERO, 10))
        .hasMessageContaining("ingest.http.idempotency-ttl");
    assertThatThrownBy(() -> new IdempotentUploads.Settings(Duration.ofHours(1), 0))
        .hasMessageContaining("ingest.http.idempotency-max-keys");
  }
}
