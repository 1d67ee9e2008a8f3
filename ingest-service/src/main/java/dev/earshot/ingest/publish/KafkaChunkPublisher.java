package dev.earshot.ingest.publish;

import dev.earshot.ingest.recording.ChunkPublisher;
import dev.earshot.ingest.recording.EncodedChunk;
import dev.earshot.ingest.recording.PublishReceipt;
import dev.earshot.ingest.recording.Recording;
import dev.earshot.ingest.recording.Rejection;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.OutgoingMessageMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends recordings to Kafka through the outgoing channels, keyed by recording id so a recording's
 * records share a partition and keep their order.
 */
@ApplicationScoped
public class KafkaChunkPublisher implements ChunkPublisher {

  private final MutinyEmitter<dev.earshot.schema.AudioChunk> chunks;
  private final MutinyEmitter<dev.earshot.schema.RecordingEvent> events;
  private final Clock clock = Clock.systemUTC();

  public KafkaChunkPublisher(
      @Channel(Channels.AUDIO_CHUNKS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<dev.earshot.schema.AudioChunk> chunks,
      @Channel(Channels.RECORDING_EVENTS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<dev.earshot.schema.RecordingEvent> events) {
    this.chunks = chunks;
    this.events = events;
  }

  @Override
  public CompletionStage<PublishReceipt> started(Recording recording) {
    return send(events, recording.id(), AvroMapping.started(recording, clock.instant()));
  }

  @Override
  public CompletionStage<PublishReceipt> chunk(Recording recording, EncodedChunk chunk) {
    return send(chunks, recording.id(), AvroMapping.chunk(recording, chunk, clock.instant()));
  }

  @Override
  public CompletionStage<PublishReceipt> finished(Recording recording, Totals totals) {
    return send(events, recording.id(), AvroMapping.finished(recording, totals, clock.instant()));
  }

  @Override
  public CompletionStage<PublishReceipt> failed(
      Recording recording, Totals totals, Rejection rejection, String reason) {
    return send(
        events,
        recording.id(),
        AvroMapping.failed(recording, totals, rejection, reason, clock.instant()));
  }

  private static <T> CompletionStage<PublishReceipt> send(
      MutinyEmitter<T> emitter, String key, T value) {
    var result = new OutgoingMessageMetadata<RecordMetadata>();
    Message<T> message =
        Message.of(value)
            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
            .addMetadata(result);
    return emitter
        .sendMessage(message)
        .map(
            ignored -> {
              RecordMetadata metadata = result.getResult();
              return metadata == null
                  ? new PublishReceipt(null, -1, -1)
                  : new PublishReceipt(metadata.topic(), metadata.partition(), metadata.offset());
            })
        .onFailure(failure -> outage(failure) != null)
        .transform(failure -> new Unavailable(outage(failure).getMessage(), failure))
        .subscribeAsCompletionStage();
  }

  /**
   * The cause when the producer gave up for want of a cluster (a timeout, no leader) rather than
   * because of the record; null otherwise.
   */
  static RetriableException outage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RetriableException retriable) {
        return retriable;
      }
    }
    return null;
  }
}
