package dev.earshot.pipeline.captions;

import dev.earshot.pipeline.TopicFollower;
import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Follows {@code earshot.captions} from its end, as any subscriber of a live stream would, and
 * keeps every caption with the moment it arrived here ({@link System#nanoTime()}).
 */
public final class CaptionFollower implements AutoCloseable {

  /** A caption and when it arrived. */
  public record Arrived(Caption caption, long nanos) {}

  private final Map<String, List<Arrived>> byRecording = new ConcurrentHashMap<>();
  private final TopicFollower follower;

  public CaptionFollower(String bootstrap, String topic) {
    follower =
        new TopicFollower(
            bootstrap,
            topic,
            "earshot-caption-follower",
            Duration.ofSeconds(30),
            "stt-service",
            (consumer, partitions) -> {
              consumer.seekToEnd(partitions);
              // The end is looked up lazily: pin it now, before anything is streamed.
              partitions.forEach(consumer::position);
            },
            r -> {
              long now = System.nanoTime();
              Caption caption = Json.read(r.value(), Caption.class);
              byRecording
                  .computeIfAbsent(caption.recordingId(), id -> new CopyOnWriteArrayList<>())
                  .add(new Arrived(caption, now));
            });
  }

  /** The recording's captions so far, in the order they arrived. */
  public List<Arrived> captions(String recordingId) {
    follower.check();
    return List.copyOf(byRecording.getOrDefault(recordingId, List.of()));
  }

  /**
   * Waits for the recording's last caption.
   *
   * @return every caption of the recording; the last one is not last if time ran out
   */
  public List<Arrived> awaitLast(String recordingId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Arrived> got = captions(recordingId);
      if (!got.isEmpty() && got.get(got.size() - 1).caption().last()) {
        return got;
      }
      Thread.sleep(50);
    }
    return captions(recordingId);
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
  }
}
