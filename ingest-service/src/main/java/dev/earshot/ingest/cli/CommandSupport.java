package dev.earshot.ingest.cli;

import dev.earshot.ingest.config.IngestBeans;
import dev.earshot.ingest.metrics.IngestMetrics;
import dev.earshot.ingest.publish.KafkaReachability;
import dev.earshot.ingest.publish.TopicSetup;
import dev.earshot.ingest.recording.ChunkPublisher;
import dev.earshot.ingest.recording.IngestListener;
import dev.earshot.ingest.recording.IngestSettings;
import dev.earshot.ingest.recording.RecordingIngestor;
import jakarta.enterprise.context.ApplicationScoped;

/** What the commands share: the ingest settings, the publisher and the Kafka check. */
@ApplicationScoped
public class CommandSupport {

  private final IngestSettings settings;
  private final ChunkPublisher publisher;
  private final IngestMetrics metrics;
  private final KafkaReachability kafka;
  private final TopicSetup topics;

  public CommandSupport(
      IngestSettings settings,
      ChunkPublisher publisher,
      IngestMetrics metrics,
      KafkaReachability kafka,
      TopicSetup topics) {
    this.settings = settings;
    this.publisher = publisher;
    this.metrics = metrics;
    this.kafka = kafka;
    this.topics = topics;
  }

  IngestSettings settings() {
    return settings;
  }

  ChunkPublisher publisher() {
    return publisher;
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Returns when Kafka answers, with its topics created if missing; otherwise throws why. */
  void requireKafka() {
    var status = kafka.status();
    if (!status.reachable()) {
      throw new IllegalStateException(
          status.error()
              + "; start it (./earshot broker start) or point KAFKA_BOOTSTRAP_SERVERS at a running"
              + " cluster");
    }
    topics.ensure();
  }

  /** Metrics, plus a line per published chunk on stdout when asked for. */
  IngestListener listener(boolean printChunks) {
    return printChunks ? IngestListener.both(metrics, new ChunkPrinter(System.out)) : metrics;
  }

  RecordingIngestor ingestor(IngestListener listener) {
    return new RecordingIngestor(settings, publisher, listener, IngestBeans::newRecordingId);
  }
}
