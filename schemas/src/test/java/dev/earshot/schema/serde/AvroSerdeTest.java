package dev.earshot.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

  private final AvroSerializer serializer = new AvroSerializer();
  private final AvroDeserializer deserializer = new AvroDeserializer();

  static Stream<SpecificRecord> everyContract() {
    return Stream.of(
        Samples.chunk(), Samples.failed(), Samples.transcript(), Samples.classification());
  }

  @ParameterizedTest
  @MethodSource("everyContract")
  void everyContractSurvivesARoundTripUnchanged(SpecificRecord record) {
    byte[] bytes = serializer.serialize("t", record);

    assertThat(deserializer.deserialize("t", bytes)).isEqualTo(record);
  }

  @ParameterizedTest
  @MethodSource("everyContract")
  void everyMessageStartsWithTheSingleObjectMarkerAndTheWriterFingerprint(SpecificRecord record) {
    byte[] bytes = serializer.serialize("t", record);

    long expected = SchemaNormalization.parsingFingerprint64(record.getSchema());
    long actual = 0;
    for (int i = 9; i >= 2; i--) {
      actual = (actual << 8) | (bytes[i] & 0xFF);
    }
    assertThat(bytes[0] & 0xFF).isEqualTo(0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void bytesWithoutTheMarkerAreRejectedWithTheBytesFound() {
    byte[] json = "{\"recordingId\":1}".getBytes();

    assertThatThrownBy(() -> deserializer.deserialize("earshot.audio-chunks", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Not an Avro single-object message on topic earshot.audio-chunks")
        .hasMessageContaining("7B 22 72 65");
  }

  @Test
  void anUnknownFingerprintIsRejectedNamingTheFingerprint() {
    byte[] bytes = serializer.serialize("t", Samples.chunk());
    bytes[2] ^= 0x5A;

    assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown Avro schema fingerprint")
        .hasMessageContaining("upgrade consumers before producers");
  }

  @Test
  void aTruncatedBodyIsRejectedNamingTheRecordType() {
    byte[] bytes = serializer.serialize("t", Samples.chunk());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> deserializer.deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot decode dev.earshot.schema.AudioChunk");
  }

  @Test
  void nullStaysNullForTombstones() {
    assertThat(serializer.serialize("t", null)).isNull();
    assertThat(deserializer.deserialize("t", null)).isNull();
  }
}
