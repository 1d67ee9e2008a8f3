package dev.earshot.whisper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Removes outputs from an ONNX model's main graph by editing its protobuf encoding (ModelProto
 * field 7 is the graph, GraphProto field 12 its outputs, ValueInfoProto field 1 a name). ONNX
 * Runtime must keep every graph output alive, so the encoder's per-layer attention maps (about 216
 * MB per window and layer) would otherwise stay allocated although Whisper never reads them.
 */
final class OnnxGraphOutputs {

  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_OUTPUT = 12;
  private static final int VALUE_INFO_NAME = 1;

  private OnnxGraphOutputs() {}

  /** The model without the outputs whose names match; other bytes are copied unchanged. */
  static byte[] without(byte[] model, Predicate<String> dropped) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(model.length);
    for (Field field : new Reader(model, 0, model.length)) {
      if (field.number == MODEL_GRAPH && field.wireType == 2) {
        byte[] graph = graphWithout(model, field, dropped);
        writeVarint(out, (MODEL_GRAPH << 3) | 2);
        writeVarint(out, graph.length);
        out.writeBytes(graph);
      } else {
        out.write(model, field.start, field.end - field.start);
      }
    }
    return out.toByteArray();
  }

  private static byte[] graphWithout(byte[] model, Field graph, Predicate<String> dropped) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(graph.valueLength);
    for (Field field : new Reader(model, graph.valueStart, graph.valueStart + graph.valueLength)) {
      if (field.number == GRAPH_OUTPUT
          && field.wireType == 2
          && dropped.test(nameOf(model, field))) {
        continue;
      }
      out.write(model, field.start, field.end - field.start);
    }
    return out.toByteArray();
  }

  private static String nameOf(byte[] model, Field valueInfo) {
    for (Field field :
        new Reader(model, valueInfo.valueStart, valueInfo.valueStart + valueInfo.valueLength)) {
      if (field.number == VALUE_INFO_NAME && field.wireType == 2) {
        return new String(model, field.valueStart, field.valueLength, StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** One protobuf field: its number, wire type, where it starts and ends, and its payload. */
  private record Field(
      int number, int wireType, int start, int end, int valueStart, int valueLength) {}

  /** Iterates over the fields between two offsets. */
  private static final class Reader implements Iterable<Field> {
    private final byte[] bytes;
    private final int from;
    private final int to;

    Reader(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
    }

    @Override
    public java.util.Iterator<Field> iterator() {
      return new java.util.Iterator<>() {
        private int at = from;

        @Override
        public boolean hasNext() {
          return at < to;
        }

        @Override
        public Field next() {
          int start = at;
          long key = readVarint();
          int wireType = (int) (key & 7);
          int valueStart = at;
          int valueLength;
          switch (wireType) {
            case 0 -> {
              readVarint();
              valueLength = at - valueStart;
            }
            case 1 -> {
              at += 8;
              valueLength = 8;
            }
            case 5 -> {
              at += 4;
              valueLength = 4;
            }
            case 2 -> {
              valueLength = (int) readVarint();
              valueStart = at;
              at += valueLength;
            }
            default ->
                throw new IllegalArgumentException("not an ONNX model: wire type " + wireType);
          }
          if (at > to) {
            throw new IllegalArgumentException("not an ONNX model: a field runs past its message");
          }
          return new Field((int) (key >>> 3), wireType, start, at, valueStart, valueLength);
        }

        private long readVarint() {
          long value = 0;
          for (int shift = 0; shift < 64; shift += 7) {
            if (at >= to) {
              throw new IllegalArgumentException("not an ONNX model: truncated varint");
            }
            byte b = bytes[at++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
              return value;
            }
          }
          throw new IllegalArgumentException("not an ONNX model: varint too long");
        }
      };
    }
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
