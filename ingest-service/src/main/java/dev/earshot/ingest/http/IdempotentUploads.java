package dev.earshot.ingest.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Uploads sent with an {@code Idempotency-Key}: the recording id comes from the key and the
 * caller's upload key, so a client that retries gets the same recording, even from a restarted
 * service; what became of each key (in progress, accepted with its answer, failed) and the SHA-256
 * of its audio are remembered for {@code ttl} after the answer, at most {@code maxKeys} of them.
 *
 * @param <A> the answer replayed to a retry of an accepted upload
 */
public final class IdempotentUploads<A> {

  public static final String HEADER = "Idempotency-Key";

  /** Set on a replayed answer, so a client can tell it from a new upload. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  static final int MAX_KEY_LENGTH = 255;

  /** How long outcomes are remembered and how many at most. */
  public record Settings(Duration ttl, int maxKeys) {
    public Settings {
      if (ttl == null || ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException(
            "ingest.http.idempotency-ttl must be positive, got " + ttl);
      }
      if (maxKeys < 1) {
        throw new IllegalArgumentException(
            "ingest.http.idempotency-max-keys must be >= 1, got " + maxKeys);
      }
    }
  }

  /** What an upload with a key may do. */
  public sealed interface Claim<A> {
    String recordingId();
  }

  /**
   * Ingest the audio under {@code recordingId}.
   *
   * @param again an earlier attempt with this key failed
   */
  public record Proceed<A>(String recordingId, boolean again) implements Claim<A> {}

  /** The upload was accepted before: answer as then, publish nothing. */
  public record Replay<A>(String recordingId, A answer) implements Claim<A> {}

  /** An upload with this key has not been answered yet. */
  public record InProgress<A>(String recordingId) implements Claim<A> {}

  /** This key came with other audio before. */
  public record DifferentAudio<A>(String recordingId) implements Claim<A> {}

  private enum State {
    IN_PROGRESS,
    ACCEPTED,
    FAILED
  }

  private static final class Entry<A> {
    final byte[] audioSha256;
    State state = State.IN_PROGRESS;
    A answer;
    Instant updated;

    Entry(byte[] audioSha256, Instant updated) {
      this.audioSha256 = audioSha256;
      this.updated = updated;
    }
  }

  private final Settings settings;
  private final Clock clock;

  /** By recording id, in the order of their last change, oldest first. */
  private final LinkedHashMap<String, Entry<A>> entries = new LinkedHashMap<>();

  public IdempotentUploads(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Null when the header's value is a usable key, else why not. */
  public static String problemWith(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters long, got " + key.length();
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return HEADER
            + " must be printable ASCII; character "
            + (i + 1)
            + " is U+"
            + String.format("%04X", (int) c);
      }
    }
    return null;
  }

  /**
   * The recording id of an upload with this key from this caller: a name-based UUID (version 8, RFC
   * 9562) from the SHA-256 of both, so two callers' equal keys never meet and the id does not
   * reveal the upload key.
   */
  public static String recordingId(String apiKey, String idempotencyKey) {
    MessageDigest sha = sha256();
    sha.update("earshot-upload\0".getBytes(StandardCharsets.UTF_8));
    sha.update(apiKey.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(idempotencyKey.getBytes(StandardCharsets.US_ASCII));
    byte[] hash = sha.digest();
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x80);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong()).toString();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Claims the recording for an upload of audio with this SHA-256. */
  public synchronized Claim<A> claim(String recordingId, byte[] audioSha256) {
    Instant now = clock.instant();
    forgetExpired(now);
    Entry<A> entry = entries.get(recordingId);
    if (entry != null) {
      if (!Arrays.equals(entry.audioSha256, audioSha256)) {
        return new DifferentAudio<>(recordingId);
      }
      switch (entry.state) {
        case IN_PROGRESS:
          return new InProgress<>(recordingId);
        case ACCEPTED:
          return new Replay<>(recordingId, entry.answer);
        case FAILED:
          update(recordingId, entry, State.IN_PROGRESS, null, now);
          return new Proceed<>(recordingId, true);
      }
    }
    makeRoom();
    entries.put(recordingId, new Entry<>(audioSha256.clone(), now));
    return new Proceed<>(recordingId, false);
  }

  /** Whether a retry would get the accepted answer (and so need not wait for Kafka). */
  public synchronized boolean isAccepted(String recordingId) {
    forgetExpired(clock.instant());
    Entry<A> entry = entries.get(recordingId);
    return entry != null && entry.state == State.ACCEPTED;
  }

  public synchronized void accepted(String recordingId, A answer) {
    Entry<A> entry = entries.get(recordingId);
    if (entry != null) {
      update(recordingId, entry, State.ACCEPTED, answer, clock.instant());
    }
  }

  /** The attempt failed: a retry with the key and the same audio ingests it again. */
  public synchronized void failed(String recordingId) {
    Entry<A> entry = entries.get(recordingId);
    if (entry != null) {
      update(recordingId, entry, State.FAILED, null, clock.instant());
    }
  }

  public synchronized int size() {
    return entries.size();
  }

  private void update(String id, Entry<A> entry, State state, A answer, Instant now) {
    entry.state = state;
    entry.answer = answer;
    entry.updated = now;
    // Re-inserted, so the map stays in the order of last change and expiry reads from its head.
    entries.remove(id);
    entries.put(id, entry);
  }

  private void forgetExpired(Instant now) {
    Instant cutoff = now.minus(settings.ttl());
    Iterator<Map.Entry<String, Entry<A>>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Entry<A> entry = it.next().getValue();
      if (entry.updated.isAfter(cutoff)) {
        break;
      }
      if (entry.state != State.IN_PROGRESS) {
        it.remove();
      }
    }
  }

  /** Forgets the oldest answered keys over the limit; uploads still running are never forgotten. */
  private void makeRoom() {
    Iterator<Map.Entry<String, Entry<A>>> it = entries.entrySet().iterator();
    while (entries.size() >= settings.maxKeys() && it.hasNext()) {
      if (it.next().getValue().state != State.IN_PROGRESS) {
        it.remove();
      }
    }
  }
}
