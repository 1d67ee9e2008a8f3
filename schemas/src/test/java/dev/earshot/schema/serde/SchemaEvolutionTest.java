package dev.earshot.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schema.AudioChunk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * A future v2 of AudioChunk (test resource) drops a defaulted field and adds two: records must flow
 * both ways between v1 (the generated class) and v2 through the schema store.
 */
class SchemaEvolutionTest {

  private static Schema v2() throws IOException {
    try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("AudioChunk-v2.avsc")) {
      return new Schema.Parser().parse(in);
    }
  }

  @Test
  void aV1RecordDecodesWithAV2Reader() throws IOException {
    Schema v2 = v2();
    AudioChunk v1Record = Samples.chunk();
    byte[] v1Bytes = new AvroSerializer().serialize("t", v1Record);

    var v2Reader = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v2);
    SchemaHistory.released().versionsOf("AudioChunk").forEach(v -> v2Reader.addSchema(v.schema()));
    GenericRecord decoded = v2Reader.decode(v1Bytes);

    assertThat(decoded.get("recordingId").toString()).isEqualTo("rec-1");
    assertThat(decoded.get("sequence")).isEqualTo(3);
    assertThat(decoded.get("offsetSamples")).isEqualTo(480_000L);
    assertThat(decoded.get("last")).isEqualTo(true);
    assertThat((ByteBuffer) decoded.get("payload")).isEqualTo(v1Record.getPayload());
    assertThat(decoded.get("gainDb")).isEqualTo(0.0);
    assertThat((List<?>) decoded.get("tags")).isEmpty();
    assertThat(decoded.getSchema().getField("channels")).isNull();
  }

  @Test
  void aV2RecordDecodesWithTheV1ClassOnceV2IsInTheStore() throws IOException {
    Schema v2 = v2();
    AudioChunk template = Samples.chunk();
    GenericRecordBuilder builder = new GenericRecordBuilder(v2);
    for (Schema.Field field : v2.getFields()) {
      if (template.getSchema().getField(field.name()) != null) {
        builder.set(field.name(), template.get(field.name()));
      }
    }
    GenericRecord v2Record = builder.set("gainDb", -3.5).set("tags", List.of("noisy")).build();
    // The template's nested records carry java.time values, as an upgraded producer's would.
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    ByteBuffer v2Bytes = new BinaryMessageEncoder<GenericRecord>(model, v2).encode(v2Record);
    byte[] bytes = new byte[v2Bytes.remaining()];
    v2Bytes.get(bytes);

    var v1Reader = new AvroDeserializer(SchemaHistory.withAdditional(List.of(v2)));
    AudioChunk decoded = (AudioChunk) v1Reader.deserialize("t", bytes);

    assertThat(decoded.getRecordingId()).isEqualTo("rec-1");
    assertThat(decoded.getSequence()).isEqualTo(3);
    assertThat(decoded.getPayload()).isEqualTo(template.getPayload());
    assertThat(decoded.getSource()).isEqualTo(template.getSource());
    // v2 dropped the field; the v1 reader falls back to its default.
    assertThat(decoded.getChannels()).isEqualTo(1);
  }
}
