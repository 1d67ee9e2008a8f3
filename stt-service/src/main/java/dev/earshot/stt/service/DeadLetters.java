package dev.earshot.stt.service;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
    var headers = new RecordHeaders();
    headers.add("dead-letter-reason", utf8(letter.reason()));
    if (letter.cause() != null) {
      headers.add("dead-letter-cause", utf8(letter.cause().getClass().getName()));
    }
    headers.add("dead-letter-topic", utf8(letter.topic()));
    headers.add("dead-letter-partition", utf8(Integer.toString(letter.partition())));
    headers.add("dead-letter-offset", utf8(Long.toString(letter.offset())));
    headers.add("dead-letter-service", utf8("stt-service"));
    var metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(letter.key())
            .withHeaders(headers)
            .build();
    return emitter
        .sendMessage(
            Message.of(letter.value() == null ? new byte[0] : letter.value()).addMetadata(metadata))
        .subscribeAsCompletionStage();
  }

  private static byte[] utf8(String text) {
    return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
  }
}
