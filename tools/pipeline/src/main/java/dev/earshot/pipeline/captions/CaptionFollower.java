package dev.earshot.pipeline.captions;

import dev.earshot.pipeline.TopicTime;
import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.Json;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code earshot.captions} from its end, as any subscriber of a live stream would, and
 * keeps every caption with the moment it arrived here ({@link System#nanoTime()}).
 */
public final class CaptionFollower implements AutoCloseable {

  /** A caption and when it arrived. */
  public record Arrived(Caption caption, long nanos) {}

  private final KafkaConsumer<String, String> consumer;
  private final Map<String, List<Arrived>> byRecording = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile RuntimeException failure;

  public CaptionFollower(String bootstrap, String topic) {
    consumer =
        new KafkaConsumer<>(
            TopicTime.readerConfig(bootstrap, "earshot-caption-follower"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
    if (infos == null || infos.isEmpty()) {
      consumer.close();
      throw new IllegalStateException(
          "topic " + topic + " does not exist; is stt-service running?");
    }
    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // The end is looked up lazily: pin it now, before anything is streamed.
    partitions.forEach(consumer::position);
    thread = new Thread(this::run, "caption-follower");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        for (var r : consumer.poll(Duration.ofMillis(50))) {
          long now = System.nanoTime();
          try {
            Caption caption = Json.read(r.value(), Caption.class);
            byRecording
                .computeIfAbsent(caption.recordingId(), id -> new CopyOnWriteArrayList<>())
                .add(new Arrived(caption, now));
          } catch (UncheckedIOException e) {
            // Not a caption; stt-service writes only JSON captions here.
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close();
    }
  }

  /** The recording's captions so far, in the order they arrived. */
  public List<Arrived> captions(String recordingId) {
    if (failure != null) {
      throw failure;
    }
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
    consumer.wakeup();
    thread.join(5000);
  }
}
