package dev.earshot.stt.service;

import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.Json;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends captions to {@code earshot.captions} as JSON, keyed by recording id so a stream's captions
 * keep their order; nothing waits for Kafka, and a caption it refuses is only logged (the next one
 * carries the partial text again, and committed words are counted in {@code committed_words}).
 */
@ApplicationScoped
public class CaptionPublisher implements Consumer<Caption> {

  private static final Logger LOG = Logger.getLogger(CaptionPublisher.class);

  private final MutinyEmitter<String> captions;

  public CaptionPublisher(
      @Channel(Channels.CAPTIONS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<String> captions) {
    this.captions = captions;
  }

  @Override
  public void accept(Caption caption) {
    captions
        .sendMessage(
            Message.of(Json.write(caption))
                .addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(caption.recordingId())
                        .build()))
        .subscribe()
        .with(
            ok -> {},
            failure ->
                LOG.warnf(
                    "caption %d of %s not sent: %s",
                    caption.sequence(), caption.recordingId(), failure.getMessage()));
  }
}
