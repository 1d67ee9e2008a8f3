package dev.earshot.worker;

import dev.earshot.schema.EarshotService;
import dev.earshot.schema.topic.DeadLetterHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends records that cannot be processed to the dead-letter topic, unchanged, with why and where
 * from in the {@link DeadLetterHeaders}, so nothing is dropped silently and the worker moves on.
 */
public final class DeadLetters {

  private static final Logger LOG = Logger.getLogger(DeadLetters.class);

  private final MutinyEmitter<byte[]> emitter;
  private final String service;

  /**
   * @param service named in the {@code dead-letter-service} header
   */
  public DeadLetters(MutinyEmitter<byte[]> emitter, EarshotService service) {
    this.emitter = emitter;
    this.service = service.module();
  }

  public CompletionStage<Void> send(
      KafkaRecord<String, byte[]> record, String reason, Throwable cause) {
    long offset = offsetOf(record);
    LOG.warnf(
        "Record %s-%d@%d goes to the dead-letter topic: %s",
        record.getTopic(), record.getPartition(), offset, reason);
    var metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(record.getKey())
            .withHeaders(
                DeadLetterHeaders.of(
                    reason, cause, record.getTopic(), record.getPartition(), offset, service))
            .build();
    byte[] value = record.getPayload() == null ? new byte[0] : record.getPayload();
    return emitter
        .sendMessage(Message.of(value).addMetadata(metadata))
        .subscribeAsCompletionStage();
  }

  private static long offsetOf(KafkaRecord<String, byte[]> record) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(IncomingKafkaRecordMetadata::getOffset)
        .orElse(-1L);
  }
}
