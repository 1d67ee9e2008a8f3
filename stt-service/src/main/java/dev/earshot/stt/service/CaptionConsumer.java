package dev.earshot.stt.service;

import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.schema.LiveAudio;
import dev.earshot.schema.serde.AvroDeserializer;
import dev.earshot.stt.captions.Captioner;
import dev.earshot.stt.captions.LiveCaptions;
import dev.earshot.stt.config.SttConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Hands the pieces of live streams ({@code earshot.live-audio}, consumer group {@code
 * earshot-captions}, apart from the chunk workers' group so captions never hold chunks up) to the
 * captioner. A piece that cannot be read is skipped: captions are best effort and the recording's
 * chunks carry the same audio.
 */
@ApplicationScoped
public class CaptionConsumer {

  private static final Logger LOG = Logger.getLogger(CaptionConsumer.class);

  private final LiveCaptions captions;
  private final boolean enabled;
  private final AvroDeserializer deserializer = new AvroDeserializer();

  public CaptionConsumer(LiveCaptions captions, SttConfig config) {
    this.captions = captions;
    this.enabled = config.captions().enabled();
  }

  @Incoming(Channels.LIVE_AUDIO)
  public void consume(ConsumerRecord<String, byte[]> record) {
    if (!enabled) {
      return;
    }
    LiveAudio piece;
    try {
      if (!(deserializer.deserialize(record.topic(), record.value()) instanceof LiveAudio live)) {
        throw new IllegalArgumentException("not a LiveAudio record");
      }
      piece = live;
    } catch (RuntimeException e) {
      LOG.debugf(
          "live piece at %s-%d@%d skipped: %s",
          record.topic(), record.partition(), record.offset(), e.getMessage());
      return;
    }
    if (piece.getSampleRate() != Captioner.RATE) {
      LOG.debugf(
          "live piece of %s skipped: %d Hz, not %d",
          piece.getRecordingId(), piece.getSampleRate(), Captioner.RATE);
      return;
    }
    ByteBuffer payload = piece.getPayload().duplicate();
    byte[] bytes = new byte[payload.remaining() & ~1];
    payload.get(bytes);
    captions.accept(
        new LiveCaptions.Piece(
            piece.getRecordingId(),
            piece.getOffsetSamples(),
            PcmCodec.decode(bytes, PcmEncoding.PCM_S16LE),
            piece.getLast()));
  }
}
