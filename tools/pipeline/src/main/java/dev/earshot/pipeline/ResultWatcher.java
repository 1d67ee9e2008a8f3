package dev.earshot.pipeline;

import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.RecordingResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Follows the results topic from a point in time and keeps each recording's latest result, with the
 * wall-clock time it was seen. Reads committed records only: results-service writes with
 * exactly-once transactions.
 */
public final class ResultWatcher implements AutoCloseable {

  /** A recording result and when this watcher saw it. */
  public record Seen(RecordingResult result, long seenAtMs) {}

  private final Map<String, Seen> latest = new ConcurrentHashMap<>();
  private final TopicFollower follower;

  public ResultWatcher(String bootstrap, String topic, Instant since) {
    follower =
        new TopicFollower(
            bootstrap,
            topic,
            "earshot-result-watcher",
            Duration.ofSeconds(60),
            "results-service",
            (consumer, partitions) -> TopicTime.seek(consumer, partitions, since),
            r ->
                latest.put(
                    r.key(),
                    new Seen(
                        Json.read(r.value(), RecordingResult.class), System.currentTimeMillis())));
  }

  public Map<String, Seen> latest() {
    return Map.copyOf(latest);
  }

  /**
   * Waits until every recording has a result, telling {@code each} about each one as it arrives (in
   * arrival order).
   *
   * @return the results by recording id; those that did not arrive in time are missing
   */
  public Map<String, Seen> await(Set<String> ids, Duration timeout, BiConsumer<String, Seen> each)
      throws InterruptedException {
    Map<String, Seen> done = new LinkedHashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (done.size() < ids.size() && System.nanoTime() < deadline) {
      follower.check();
      for (String id : ids) {
        Seen seen = latest.get(id);
        if (seen != null && !done.containsKey(id)) {
          done.put(id, seen);
          each.accept(id, seen);
        }
      }
      Thread.sleep(100);
    }
    return done;
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
  }
}
