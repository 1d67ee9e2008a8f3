package dev.earshot.ingest.publish;

import dev.earshot.ingest.recording.LiveAudioPublisher;
import dev.earshot.ingest.recording.LivePiece;
import dev.earshot.ingest.recording.Recording;
import dev.earshot.schema.LiveAudio;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends live pieces to {@code earshot.live-audio}, keyed by recording id so a stream's pieces keep
 * their order on one partition. Nothing waits for the acknowledgement: a piece that cannot be sent
 * costs a moment of captions, never the recording.
 */
@ApplicationScoped
public class KafkaLiveAudioPublisher implements LiveAudioPublisher {

  private static final Logger LOG = Logger.getLogger(KafkaLiveAudioPublisher.class);

  private final MutinyEmitter<LiveAudio> pieces;
  private final Clock clock = Clock.systemUTC();

  public KafkaLiveAudioPublisher(
      // 4096 pieces of 0.5 s are half an hour of one stream or a minute of 30 streams.
      @Channel(Channels.LIVE_AUDIO)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<LiveAudio> pieces) {
    this.pieces = pieces;
  }

  @Override
  public void piece(Recording recording, LivePiece piece) {
    Message<LiveAudio> message =
        Message.of(AvroMapping.liveAudio(recording, piece, clock.instant()))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(recording.id()).build());
    try {
      pieces
          .sendMessage(message)
          .subscribe()
          .with(
              ok -> {},
              failure ->
                  LOG.debugf(
                      "live piece %d of %s not sent: %s",
                      piece.sequence(), recording.id(), failure.getMessage()));
    } catch (RuntimeException overflow) {
      LOG.debugf("live piece %d of %s dropped: %s", piece.sequence(), recording.id(), overflow);
    }
  }
}
