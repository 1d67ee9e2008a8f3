package dev.earshot.schema.serde;

import dev.earshot.schema.Contracts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any generated Avro record as an Avro single-object message: marker {@code C3 01}, the
 * 8-byte CRC-64-AVRO fingerprint of the writer schema, then the binary-encoded record.
 */
public class AvroSerializer implements Serializer<SpecificRecord> {

  private final Map<Schema, BinaryMessageEncoder<SpecificRecord>> encoders =
      new ConcurrentHashMap<>();

  @Override
  public byte[] serialize(String topic, SpecificRecord record) {
    if (record == null) {
      return null;
    }
    Schema schema = record.getSchema();
    var encoder =
        encoders.computeIfAbsent(schema, s -> new BinaryMessageEncoder<>(Contracts.MODEL, s));
    try {
      ByteBuffer buffer = encoder.encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(),
          e);
    }
  }
}
