package dev.earshot.schema.serde;

import dev.earshot.schema.Contracts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro single-object messages of any contract: the fingerprint picks the writer schema from
 * the {@link SchemaHistory}, and the record is resolved into the generated class this service was
 * built with, so older and newer compatible versions both decode.
 */
public class AvroDeserializer implements Deserializer<SpecificRecord> {

  private static final int HEADER_LENGTH = 10;

  private final SchemaHistory history;
  private final Map<Schema, BinaryMessageDecoder<SpecificRecord>> decoders =
      new ConcurrentHashMap<>();

  public AvroDeserializer() {
    this(SchemaHistory.released());
  }

  public AvroDeserializer(SchemaHistory history) {
    this.history = history;
  }

  @Override
  public SpecificRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length < HEADER_LENGTH || (data[0] & 0xFF) != 0xC3 || data[1] != 0x01) {
      throw new SerializationException(
          "Not an Avro single-object message on topic "
              + topic
              + ": expected header C3 01, got "
              + hexPrefix(data));
    }
    long fingerprint = 0;
    for (int i = 9; i >= 2; i--) {
      fingerprint = (fingerprint << 8) | (data[i] & 0xFF);
    }
    Schema writer = history.findByFingerprint(fingerprint);
    if (writer == null) {
      throw new SerializationException(
          String.format(
              "Unknown Avro schema fingerprint %016x on topic %s: written with a schema version"
                  + " this service does not know (upgrade consumers before producers)",
              fingerprint, topic));
    }
    Schema reader = readerSchemaFor(writer, topic);
    var decoder =
        decoders.computeIfAbsent(
            reader, r -> new BinaryMessageDecoder<>(Contracts.MODEL, r, history));
    try {
      return decoder.decode(data);
    } catch (Exception e) {
      throw new SerializationException(
          "Cannot decode "
              + writer.getFullName()
              + " from topic "
              + topic
              + " ("
              + data.length
              + " bytes): "
              + e,
          e);
    }
  }

  private static Schema readerSchemaFor(Schema writer, String topic) {
    var type = Contracts.messageType(writer.getFullName());
    if (type == null) {
      throw new SerializationException(
          "No generated class for " + writer.getFullName() + " (topic " + topic + ")");
    }
    return Contracts.schemaOf(type);
  }

  private static String hexPrefix(byte[] data) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(4, data.length); i++) {
      sb.append(String.format("%02X ", data[i] & 0xFF));
    }
    return data.length == 0 ? "0 bytes" : sb.toString().trim() + " (" + data.length + " bytes)";
  }
}
