package dev.earshot.results.join;

import dev.earshot.schema.result.Json;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** JSON for state-store values: readable in changelog topics and tolerant of added fields. */
public final class JsonSerde {

  private JsonSerde() {}

  public static <T> Serde<T> of(Class<T> type) {
    Serializer<T> serializer =
        (topic, value) -> value == null ? null : Json.write(value).getBytes(StandardCharsets.UTF_8);
    Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : Json.read(bytes, type);
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
