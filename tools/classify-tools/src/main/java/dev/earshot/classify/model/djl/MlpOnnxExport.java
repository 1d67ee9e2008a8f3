package dev.earshot.classify.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.classify.model.ModelType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained MLP {@link DjlModel} in, an ONNX model out that ONNX Runtime serves with the same
 * probabilities: input {@value #INPUT} float [N, features], output {@value #OUTPUT} float [N,
 * labels], labels as JSON in the metadata entry {@value #LABELS_KEY}.
 *
 * <p>DJL cannot export networks built in Java, but an MLP's graph is a chain of Gemm and Relu
 * nodes, so the protobuf is written by hand here (opset 13, no ONNX library needed). Dropout is the
 * identity at inference and has no node.
 */
public final class MlpOnnxExport {

  public static final String INPUT = "features";
  public static final String OUTPUT = "probabilities";
  public static final String LABELS_KEY = "labels";

  private static final int IR_VERSION = 8;
  private static final int OPSET = 13;
  private static final int FLOAT = 1; // TensorProto.DataType.FLOAT
  private static final int ATTRIBUTE_INT = 2; // AttributeProto.AttributeType.INT

  private MlpOnnxExport() {}

  /** Writes the ONNX model to {@code file}, replacing it; returns {@code file}. */
  public static Path write(DjlModel model, Path file) throws IOException {
    byte[] onnx = export(model);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
    try {
      Files.write(temp, onnx);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return file;
  }

  /** The ONNX model as bytes, e.g. for {@code OrtEnvironment.createSession(byte[])}. */
  public static byte[] export(DjlModel model) {
    if (model.type() != ModelType.MLP) {
      throw new IllegalArgumentException("only an mlp can be exported, not a " + model.type().id());
    }
    List<float[]> weights = new ArrayList<>();
    List<float[]> biases = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    model.withBlock(
        block -> {
          for (Pair<String, Block> child : block.getChildren()) {
            if (child.getValue() instanceof Linear linear) {
              NDArray weight = linear.getParameters().get("weight").getArray();
              weights.add(weight.toFloatArray()); // [out, in]
              shapes.add(weight.getShape().getShape());
              biases.add(linear.getParameters().get("bias").getArray().toFloatArray());
            }
          }
          return null;
        });
    Proto graph = new Proto();
    String current = INPUT;
    for (int i = 0; i < weights.size(); i++) {
      String weight = "W" + i;
      String bias = "b" + i;
      String gemm = "gemm" + i;
      graph.message(5, tensor(weight, shapes.get(i), weights.get(i)));
      graph.message(5, tensor(bias, new long[] {shapes.get(i)[0]}, biases.get(i)));
      graph.message(
          1,
          node("Gemm", "Gemm" + i, gemm, current, weight, bias)
              .message(5, intAttribute("transB", 1)));
      current = gemm;
      if (i < weights.size() - 1) {
        graph.message(1, node("Relu", "Relu" + i, "relu" + i, current));
        current = "relu" + i;
      }
    }
    graph.message(
        1, node("Softmax", "Softmax", OUTPUT, current).message(5, intAttribute("axis", 1)));
    graph.string(2, "earshot_mlp");
    int features = model.inputShape()[0];
    graph.message(11, valueInfo(INPUT, features));
    graph.message(12, valueInfo(OUTPUT, model.labels().size()));
    return new Proto()
        .varint(1, IR_VERSION)
        .string(2, "earshot")
        .message(7, graph)
        .message(8, new Proto().string(1, "").varint(2, OPSET))
        .message(14, new Proto().string(1, LABELS_KEY).string(2, json(model.labels())))
        .bytes();
  }

  private static String json(List<String> labels) {
    try {
      return new ObjectMapper().writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Proto node(String op, String name, String output, String... inputs) {
    Proto node = new Proto();
    for (String input : inputs) {
      node.string(1, input);
    }
    return node.string(2, output).string(3, name).string(4, op);
  }

  private static Proto intAttribute(String name, long value) {
    return new Proto().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
  }

  private static Proto tensor(String name, long[] shape, float[] values) {
    Proto tensor = new Proto();
    for (long dim : shape) {
      tensor.varint(1, dim);
    }
    tensor.varint(2, FLOAT).string(8, name);
    ByteBuffer raw =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    return tensor.field(9, raw.array());
  }

  /** A float tensor [N, width] with a symbolic batch dimension. */
  private static Proto valueInfo(String name, int width) {
    Proto shape =
        new Proto().message(1, new Proto().string(2, "N")).message(1, new Proto().varint(1, width));
    Proto tensorType = new Proto().varint(1, FLOAT).message(2, shape);
    return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
  }

  /** Protobuf wire format, just the varint and length-delimited fields ONNX needs here. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
      tag(field, 0);
      raw(value);
      return this;
    }

    Proto string(int field, String value) {
      return field(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto value) {
      return field(field, value.bytes());
    }

    Proto field(int field, byte[] value) {
      tag(field, 2);
      raw(value.length);
      out.write(value, 0, value.length);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private void tag(int field, int wireType) {
      raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
      long rest = value;
      while ((rest & ~0x7FL) != 0) {
        out.write((int) ((rest & 0x7F) | 0x80));
        rest >>>= 7;
      }
      out.write((int) rest);
    }
  }
}
