package dev.earshot.schema;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** The top-level Avro records that travel on Kafka topics, in one list. */
public final class Contracts {

  /** Every record type that is written to a topic as a message value. */
  public static final List<Class<? extends SpecificRecord>> MESSAGE_TYPES =
      List.of(
          AudioChunk.class,
          RecordingEvent.class,
          Transcript.class,
          Classification.class,
          LiveAudio.class);

  /**
   * The Avro model for reading and writing the contracts. Avro's global {@code SpecificData.get()}
   * finds classes through the thread's context class loader and caches misses, so a lookup from a
   * Kafka client thread (whose loader may not see these classes) would break every later decode;
   * this model always loads from the loader of the generated classes.
   */
  public static final SpecificData MODEL = model();

  private static final Map<String, Class<? extends SpecificRecord>> BY_NAME =
      MESSAGE_TYPES.stream()
          .collect(Collectors.toUnmodifiableMap(t -> schemaOf(t).getFullName(), t -> t));

  private Contracts() {}

  /** The generated message type of that full schema name, or null when there is none. */
  public static Class<? extends SpecificRecord> messageType(String fullName) {
    return BY_NAME.get(fullName);
  }

  private static SpecificData model() {
    SpecificData model = new SpecificData(Contracts.class.getClassLoader());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    return model;
  }

  /** The schema the generated class was built from. */
  public static Schema schemaOf(Class<? extends SpecificRecord> type) {
    try {
      return (Schema) type.getField("SCHEMA$").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + " is not an Avro generated class", e);
    }
  }
}
