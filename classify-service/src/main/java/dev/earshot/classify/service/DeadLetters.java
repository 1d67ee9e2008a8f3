package dev.earshot.classify.service;

import dev.earshot.schema.topic.DeadLetterHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends chunks that cannot be classified to the dead-letter topic, unchanged, with why in the
 * headers, so nothing is dropped silently and the consumer moves on.
 */
@ApplicationScoped
public class DeadLetters {

  private final MutinyEmitter<byte[]> emitter;

  public DeadLetters(@Channel(Channels.DEAD_LETTERS) MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  public CompletionStage<Void> send(
      KafkaRecord<String, byte[]> record, String reason, Throwable cause) {
    long offset =
        record
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .map(IncomingKafkaRecordMetadata::getOffset)
            .orElse(-1L);
    var metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(record.getKey())
            .withHeaders(
                DeadLetterHeaders.of(
                    reason,
                    cause,
                    record.getTopic(),
                    record.getPartition(),
                    offset,
                    "classify-service"))
            .build();
    byte[] value = record.getPayload() == null ? new byte[0] : record.getPayload();
    return emitter
        .sendMessage(Message.of(value).addMetadata(metadata))
        .subscribeAsCompletionStage();
  }
}
