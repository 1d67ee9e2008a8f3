package dev.earshot.testbroker;

import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.SampleEncoding;
import dev.earshot.schema.SourceInfo;
import dev.earshot.schema.SourceKind;
import dev.earshot.schema.serde.AvroSerializer;
import dev.earshot.schema.topic.EarshotTopic;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Audio chunks as ingest-service publishes them, for tests of the services that consume them. */
public final class TestChunks {

  public static final String TOPIC = EarshotTopic.AUDIO_CHUNKS.defaultName();

  private TestChunks() {}

  /**
   * A 16-bit PCM chunk; built field by field, because Avro's copying builders look classes up in
   * the wrong class loader under Quarkus tests.
   *
   * @param rate the rate the record claims (0 makes a corrupt chunk); samples are encoded as given
   */
  public static AudioChunk chunk(
      String recording, int sequence, double offset, float[] samples, boolean last, int rate) {
    return AudioChunk.newBuilder()
        .setRecordingId(recording)
        .setSequence(sequence)
        .setOffsetSamples(Math.round(offset * 16000))
        .setOffsetSeconds(offset)
        .setDurationSeconds(samples.length / 16000.0)
        .setSampleRate(rate)
        .setChannels(1)
        .setEncoding(SampleEncoding.PCM_S16LE)
        .setPayload(ByteBuffer.wrap(PcmCodec.encode(samples, PcmEncoding.PCM_S16LE)))
        .setLast(last)
        .setSource(SourceInfo.newBuilder().setKind(SourceKind.FILE).setName(recording).build())
        .setPublishedAt(Instant.now())
        .build();
  }

  /** The chunk as its topic carries it: Avro single-object encoding. */
  public static byte[] avro(AudioChunk chunk) {
    return new AvroSerializer().serialize(TOPIC, chunk);
  }

  /** Publishes raw bytes (a chunk, or anything a bad producer might send) to the chunk topic. */
  public static void publish(String key, byte[] value) throws Exception {
    publish(TOPIC, key, value);
  }

  /** Publishes raw bytes to any topic, as a producer with acks=all. */
  public static void publish(String topic, String key, byte[] value) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                TestBroker.bootstrapServers(),
                "acks",
                "all",
                "max.request.size",
                4194304),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }
}
