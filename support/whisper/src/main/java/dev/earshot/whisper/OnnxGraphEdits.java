package dev.earshot.whisper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Edits an ONNX model's main graph in its protobuf encoding, with no protobuf library: ModelProto
 * field 7 is the graph; GraphProto fields 1, 5 and 12 its nodes, initializers and outputs;
 * NodeProto fields 1 to 4 inputs, outputs, name and operator; TensorProto fields 1, 2, 5, 7, 8 and
 * 9 dimensions, type, int32 values, int64 values, name and raw bytes; ValueInfoProto field 1 a
 * name. Bytes not edited are copied unchanged.
 */
final class OnnxGraphEdits {

  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_NODE = 1;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int GRAPH_OUTPUT = 12;
  private static final int NODE_INPUT = 1;
  private static final int NODE_OUTPUT = 2;
  private static final int NODE_NAME = 3;
  private static final int NODE_OP_TYPE = 4;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_INT32_DATA = 5;
  private static final int TENSOR_INT64_DATA = 7;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;
  private static final int UINT8 = 2;
  private static final int INT8 = 3;
  private static final int INT64 = 7;
  private static final int VALUE_INFO_NAME = 1;
  private static final String PREFIX = "earshot_positions";

  private OnnxGraphEdits() {}

  /**
   * The model without the outputs whose names match. ONNX Runtime must keep every graph output
   * alive, so the encoder's per-layer attention maps (about 216 MB per window and layer) would
   * otherwise stay allocated although Whisper never reads them.
   */
  static byte[] without(byte[] model, Predicate<String> dropped) {
    return withGraph(model, (bytes, graph) -> graphWithout(bytes, graph, dropped));
  }

  private static byte[] graphWithout(byte[] model, Field graph, Predicate<String> dropped) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(graph.valueLength);
    for (Field field : fieldsOf(model, graph)) {
      if (field.number == GRAPH_OUTPUT
          && field.wireType == 2
          && dropped.test(stringField(model, field, VALUE_INFO_NAME))) {
        continue;
      }
      out.write(model, field.start, field.end - field.start);
    }
    return out.toByteArray();
  }

  /**
   * The encoder with its positional embedding sliced to the length of its input, so that it takes
   * windows shorter than 30 s: the export adds all 1500 positions ({@code Add(x,
   * embed_positions.weight)}), which fails for fewer frames. The slice's end is read from the
   * input's shape: {@code Slice(positions, [0], Slice(Shape(x), [1], [2]), [0])}.
   *
   * @return the edited model, or the same array when the graph has no such addition
   */
  static byte[] withPositionsForAnyLength(byte[] model) {
    return withGraph(model, OnnxGraphEdits::graphWithSlicedPositions);
  }

  /** The model with its graph replaced by what {@code edit} makes of it; unchanged when null. */
  private static byte[] withGraph(
      byte[] model, java.util.function.BiFunction<byte[], Field, byte[]> edit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(model.length + 512);
    for (Field field : new Reader(model, 0, model.length)) {
      if (field.number == MODEL_GRAPH && field.wireType == 2) {
        byte[] graph = edit.apply(model, field);
        if (graph == null) {
          return model;
        }
        writeMessage(out, MODEL_GRAPH, graph);
      } else {
        out.write(model, field.start, field.end - field.start);
      }
    }
    return out.toByteArray();
  }

  private static byte[] graphWithSlicedPositions(byte[] model, Field graph) {
    String positions = null;
    for (Field field : fieldsOf(model, graph)) {
      if (field.number == GRAPH_INITIALIZER && field.wireType == 2) {
        String name = stringField(model, field, TENSOR_NAME);
        if (name.endsWith("embed_positions.weight")) {
          positions = name;
        }
      }
    }
    if (positions == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(graph.valueLength + 512);
    boolean found = false;
    for (Field field : fieldsOf(model, graph)) {
      if (found || field.number != GRAPH_NODE || field.wireType != 2) {
        out.write(model, field.start, field.end - field.start);
        continue;
      }
      List<String> inputs = strings(model, field, NODE_INPUT);
      if (!stringField(model, field, NODE_OP_TYPE).equals("Add")
          || inputs.size() != 2
          || !inputs.contains(positions)) {
        out.write(model, field.start, field.end - field.start);
        continue;
      }
      found = true;
      String x = inputs.get(0).equals(positions) ? inputs.get(1) : inputs.get(0);
      String sliced = PREFIX + "_sliced";
      writeMessage(out, GRAPH_NODE, node("Shape", List.of(x), PREFIX + "_shape"));
      writeMessage(
          out,
          GRAPH_NODE,
          node(
              "Slice",
              List.of(PREFIX + "_shape", PREFIX + "_1", PREFIX + "_2", PREFIX + "_0"),
              PREFIX + "_length"));
      writeMessage(
          out,
          GRAPH_NODE,
          node(
              "Slice",
              List.of(positions, PREFIX + "_0", PREFIX + "_length", PREFIX + "_0"),
              sliced));
      ByteArrayOutputStream add = new ByteArrayOutputStream(field.valueLength + 32);
      for (Field part : fieldsOf(model, field)) {
        if (part.number == NODE_INPUT
            && part.wireType == 2
            && string(model, part).equals(positions)) {
          writeString(add, NODE_INPUT, sliced);
        } else {
          add.write(model, part.start, part.end - part.start);
        }
      }
      writeMessage(out, GRAPH_NODE, add.toByteArray());
    }
    if (!found) {
      return null;
    }
    for (int value = 0; value <= 2; value++) {
      ByteArrayOutputStream tensor = new ByteArrayOutputStream();
      writeVarint(tensor, TENSOR_DIMS << 3);
      writeVarint(tensor, 1);
      writeVarint(tensor, TENSOR_DATA_TYPE << 3);
      writeVarint(tensor, INT64);
      writeVarint(tensor, TENSOR_INT64_DATA << 3);
      writeVarint(tensor, value);
      writeString(tensor, TENSOR_NAME, PREFIX + "_" + value);
      writeMessage(out, GRAPH_INITIALIZER, tensor.toByteArray());
    }
    return out.toByteArray();
  }

  /**
   * The model with the uint8 weights of its {@code MatMulInteger} nodes, and their zero points,
   * stored as int8: {@code w - 128} and {@code zp - 128}, so every {@code w - zp} and so every
   * product is exactly what it was. The exported Whisper encoders hold uint8 weights, for which
   * ONNX Runtime's x86 kernels multiply uint8 by uint8 through 16-bit words; uint8 by int8 runs on
   * the VNNI dot-product instructions instead (a third less time for the tiny encoder, the same
   * output bit for bit). Without VNNI that path multiplies pairs into saturating 16-bit sums, so
   * the caller applies this only where VNNI is present. A weight or zero point that any other node
   * also reads is left alone, and so is a node without an explicit weight zero point.
   *
   * @return the edited model, or the same array when nothing is to be changed
   */
  static byte[] withSignedWeights(byte[] model) {
    return withGraph(model, OnnxGraphEdits::graphWithSignedWeights);
  }

  private static byte[] graphWithSignedWeights(byte[] model, Field graph) {
    java.util.Map<String, Integer> types = new java.util.HashMap<>();
    List<List<String>> pairs = new ArrayList<>();
    java.util.Set<String> readElsewhere = new java.util.HashSet<>();
    for (Field field : fieldsOf(model, graph)) {
      if (field.wireType != 2) {
        continue;
      }
      if (field.number == GRAPH_INITIALIZER) {
        // Only values held in the file itself can be rewritten; external data keeps its type.
        types.put(
            stringField(model, field, TENSOR_NAME),
            holdsValues(model, field) ? dataType(model, field) : -1);
      } else if (field.number == GRAPH_NODE) {
        List<String> inputs = strings(model, field, NODE_INPUT);
        if (stringField(model, field, NODE_OP_TYPE).equals("MatMulInteger") && inputs.size() == 4) {
          pairs.add(List.of(inputs.get(1), inputs.get(3)));
          readElsewhere.add(inputs.get(0));
          readElsewhere.add(inputs.get(2));
        } else {
          readElsewhere.addAll(inputs);
        }
      }
    }
    java.util.Set<String> signed = new java.util.HashSet<>();
    for (List<String> pair : pairs) {
      if (pair.stream()
          .allMatch(
              name ->
                  Integer.valueOf(UINT8).equals(types.get(name))
                      && !readElsewhere.contains(name))) {
        signed.addAll(pair);
      }
    }
    if (signed.isEmpty()) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(graph.valueLength);
    for (Field field : fieldsOf(model, graph)) {
      if (field.number == GRAPH_INITIALIZER
          && field.wireType == 2
          && signed.contains(stringField(model, field, TENSOR_NAME))) {
        writeMessage(out, GRAPH_INITIALIZER, signedTensor(model, field));
      } else {
        out.write(model, field.start, field.end - field.start);
      }
    }
    return out.toByteArray();
  }

  private static boolean holdsValues(byte[] model, Field tensor) {
    for (Field field : fieldsOf(model, tensor)) {
      if (field.number == TENSOR_RAW_DATA || field.number == TENSOR_INT32_DATA) {
        return true;
      }
    }
    return false;
  }

  private static int dataType(byte[] model, Field tensor) {
    for (Field field : fieldsOf(model, tensor)) {
      if (field.number == TENSOR_DATA_TYPE && field.wireType == 0) {
        return (int) varintAt(model, field.valueStart, field.end);
      }
    }
    return 0;
  }

  /**
   * A uint8 tensor as int8, 128 less: raw bytes have their top bit flipped, int32 values 128 off.
   */
  private static byte[] signedTensor(byte[] model, Field tensor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(tensor.valueLength + 16);
    List<Integer> values = new ArrayList<>();
    for (Field field : fieldsOf(model, tensor)) {
      if (field.number == TENSOR_DATA_TYPE && field.wireType == 0) {
        writeVarint(out, TENSOR_DATA_TYPE << 3);
        writeVarint(out, INT8);
      } else if (field.number == TENSOR_RAW_DATA && field.wireType == 2) {
        byte[] raw = new byte[field.valueLength];
        for (int i = 0; i < raw.length; i++) {
          raw[i] = (byte) (model[field.valueStart + i] ^ 0x80);
        }
        writeMessage(out, TENSOR_RAW_DATA, raw);
      } else if (field.number == TENSOR_INT32_DATA && field.wireType == 2) {
        for (int at = field.valueStart; at < field.end; at = afterVarint(model, at)) {
          values.add((int) varintAt(model, at, field.end));
        }
      } else if (field.number == TENSOR_INT32_DATA && field.wireType == 0) {
        values.add((int) varintAt(model, field.valueStart, field.end));
      } else {
        out.write(model, field.start, field.end - field.start);
      }
    }
    if (!values.isEmpty()) {
      ByteArrayOutputStream packed = new ByteArrayOutputStream();
      // int32 values are varints of their 64-bit sign extension: -128 takes ten bytes.
      values.forEach(v -> writeVarint(packed, v - 128));
      writeMessage(out, TENSOR_INT32_DATA, packed.toByteArray());
    }
    return out.toByteArray();
  }

  /** The varint that starts at {@code at} and must end before {@code to}. */
  private static long varintAt(byte[] bytes, int at, int to) {
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

  /** Where the varint at {@code at} ends, once {@link #varintAt} has read it whole. */
  private static int afterVarint(byte[] bytes, int at) {
    while (bytes[at] < 0) {
      at++;
    }
    return at + 1;
  }

  /** A node of the default domain with one output named after itself. */
  private static byte[] node(String opType, List<String> inputs, String output) {
    ByteArrayOutputStream node = new ByteArrayOutputStream();
    inputs.forEach(input -> writeString(node, NODE_INPUT, input));
    writeString(node, NODE_OUTPUT, output);
    writeString(node, NODE_NAME, output);
    writeString(node, NODE_OP_TYPE, opType);
    return node.toByteArray();
  }

  private static List<String> strings(byte[] model, Field message, int number) {
    List<String> values = new ArrayList<>();
    for (Field field : fieldsOf(model, message)) {
      if (field.number == number && field.wireType == 2) {
        values.add(string(model, field));
      }
    }
    return values;
  }

  private static Reader fieldsOf(byte[] model, Field message) {
    return new Reader(model, message.valueStart, message.valueStart + message.valueLength);
  }

  private static String string(byte[] model, Field field) {
    return new String(model, field.valueStart, field.valueLength, StandardCharsets.UTF_8);
  }

  /** The first string field with that number inside a message, or "". */
  private static String stringField(byte[] model, Field message, int number) {
    for (Field field : fieldsOf(model, message)) {
      if (field.number == number && field.wireType == 2) {
        return string(model, field);
      }
    }
    return "";
  }

  private static void writeMessage(ByteArrayOutputStream out, int number, byte[] payload) {
    writeVarint(out, ((long) number << 3) | 2);
    writeVarint(out, payload.length);
    out.writeBytes(payload);
  }

  private static void writeString(ByteArrayOutputStream out, int number, String value) {
    writeMessage(out, number, value.getBytes(StandardCharsets.UTF_8));
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
          long value = varintAt(bytes, at, to);
          at = afterVarint(bytes, at);
          return value;
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
