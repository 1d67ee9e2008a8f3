package dev.earshot.stt.service;

import dev.earshot.schema.topic.DeadLetterHeaders;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends records that cannot be processed to the dead-letter topic, unchanged, with why in the
 * headers, so nothing is dropped silently and the consumer can move on.
 */
@ApplicationScoped
public class DeadLetters {

  private final MutinyEmitter<byte[]> emitter;

  public DeadLetters(@Channel(Channels.DEAD_LETTERS) MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  /** Where the record came from and why it is dead. */
  public record Letter(
      String key,
      byte[] value,
      String topic,
      int partition,
      long offset,
      String reason,
      Throwable cause) {}

  public CompletionStage<Void> send(Letter letter) {
    var metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(letter.key())
            .withHeaders(
                DeadLetterHeaders.of(
                    letter.reason(),
                    letter.cause(),
                    letter.topic(),
                    letter.partition(),
                    letter.offset(),
                    "stt-service"))
            .build();
    return emitter
        .sendMessage(
            Message.of(letter.value() == null ? new byte[0] : letter.value()).addMetadata(metadata))
        .subscribeAsCompletionStage();
  }
}
