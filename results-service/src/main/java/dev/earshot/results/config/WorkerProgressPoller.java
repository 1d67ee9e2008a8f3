package dev.earshot.results.config;

import dev.earshot.results.join.ResultsTopology;
import dev.earshot.results.join.WorkerProgress;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Fetches the worker groups' committed offsets on the audio-chunk topic every scan interval, off
 * the stream threads, into the {@link WorkerProgress} the join reads.
 */
@ApplicationScoped
public class WorkerProgressPoller {

  private static final Logger LOG = Logger.getLogger(WorkerProgressPoller.class);

  private final Map<String, Object> kafka;
  private final WorkerProgress progress;
  private final String topic;
  private final long intervalMs;
  private ScheduledExecutorService timer;
  private Admin admin;
  private volatile boolean failing;

  public WorkerProgressPoller(
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      WorkerProgress progress,
      ResultsTopology.Topics topics,
      ResultsConfig config) {
    this.kafka = kafka;
    this.progress = progress;
    this.topic = topics.audioChunks();
    this.intervalMs = config.scanInterval().toMillis();
  }

  void onStart(@Observes StartupEvent event) {
    if (progress.groups().isEmpty()) {
      return;
    }
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "results-worker-progress");
    admin = Admin.create(config);
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "worker-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::poll, 0, intervalMs, TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      Map<String, Map<Integer, Long>> byGroup = new HashMap<>();
      for (String group : progress.groups()) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        Map<Integer, Long> own = new HashMap<>();
        offsets.forEach(
            (tp, offset) -> {
              if (tp.topic().equals(topic) && offset != null) {
                own.put(tp.partition(), offset.offset());
              }
            });
        byGroup.put(group, own);
      }
      progress.update(byGroup);
      if (failing) {
        LOG.infof("worker progress is known again (groups %s)", progress.groups());
        failing = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!failing) {
        LOG.warnf(
            "cannot read the worker groups' offsets (%s): recordings time out by the clock alone"
                + " until they can be read",
            e.getMessage());
        failing = true;
      }
    }
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (admin != null) {
      admin.close(java.time.Duration.ofSeconds(5));
    }
  }
}
