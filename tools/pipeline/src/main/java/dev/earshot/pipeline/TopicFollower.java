package dev.earshot.pipeline;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of one JSON topic on a daemon thread of its own, without a consumer group
 * and committed records only, handing each record to a handler until closed. A record the handler
 * cannot read ({@link UncheckedIOException}) is skipped; any other failure stops the reading and is
 * thrown by {@link #check()}.
 */
public final class TopicFollower implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final Consumer<ConsumerRecord<String, String>> handler;
  private final Thread thread;
  private volatile RuntimeException failure;

  /**
   * @param wait how long the topic may take to appear
   * @param writer who creates the topic, named in the error when it does not appear
   * @param position moves the consumer to where reading starts, once the partitions are assigned
   */
  public TopicFollower(
      String bootstrap,
      String topic,
      String clientId,
      Duration wait,
      String writer,
      BiConsumer<KafkaConsumer<String, String>, List<TopicPartition>> position,
      Consumer<ConsumerRecord<String, String>> handler) {
    this.consumer =
        new KafkaConsumer<>(
            TopicTime.readerConfig(bootstrap, clientId),
            new StringDeserializer(),
            new StringDeserializer());
    this.handler = handler;
    List<TopicPartition> partitions = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (partitions.isEmpty()) {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos != null) {
        infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      if (partitions.isEmpty() && System.nanoTime() > deadline) {
        consumer.close();
        throw new IllegalStateException(
            "topic " + topic + " does not exist; is " + writer + " running?");
      }
    }
    consumer.assign(partitions);
    position.accept(consumer, partitions);
    thread = new Thread(this::run, clientId);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        for (var r : consumer.poll(Duration.ofMillis(50))) {
          try {
            handler.accept(r);
          } catch (UncheckedIOException e) {
            // Not a record this tool understands; its writer writes only JSON of one kind.
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

  /** Throws what stopped the reading, if anything did. */
  public void check() {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(5000);
  }
}
