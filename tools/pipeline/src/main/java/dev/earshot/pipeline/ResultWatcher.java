package dev.earshot.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.RecordingResult;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the results topic from a point in time and keeps each recording's latest result, with the
 * wall-clock time it was seen. Reads committed records only: results-service writes with
 * exactly-once transactions.
 */
public final class ResultWatcher implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A recording result and when this watcher saw it. */
  public record Seen(RecordingResult result, long seenAtMs) {}

  private final KafkaConsumer<String, String> consumer;
  private final Map<String, Seen> latest = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile RuntimeException failure;

  public ResultWatcher(String bootstrap, String topic, Instant since) {
    consumer =
        new KafkaConsumer<>(
            TopicTime.readerConfig(bootstrap, "earshot-result-watcher"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (partitions.isEmpty()) {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos != null) {
        infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      if (partitions.isEmpty() && System.nanoTime() > deadline) {
        consumer.close();
        throw new IllegalStateException(
            "topic " + topic + " does not exist; is results-service running?");
      }
    }
    consumer.assign(partitions);
    TopicTime.seek(consumer, partitions, since);
    thread = new Thread(this::run, "result-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        for (var r : consumer.poll(Duration.ofMillis(200))) {
          try {
            RecordingResult result = Json.read(r.value(), RecordingResult.class);
            latest.put(r.key(), new Seen(result, System.currentTimeMillis()));
          } catch (UncheckedIOException e) {
            // Not a result this tool understands; results-service writes only JSON.
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
      if (failure != null) {
        throw failure;
      }
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
    consumer.wakeup();
    thread.join(5000);
  }
}
