package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxGraphEditsTest {

  @Test
  void theEncoderLosesItsAttentionOutputsAndKeepsEverythingElse() throws Exception {
    byte[] original =
        Files.readAllBytes(Models.folder("tiny").resolve("onnx/encoder_model_quantized.onnx"));

    byte[] stripped = OnnxGraphEdits.without(original, n -> n.startsWith("encoder_attentions"));

    var env = OrtEnvironment.getEnvironment();
    try (var before = env.createSession(original, new OrtSession.SessionOptions());
        var after = env.createSession(stripped, new OrtSession.SessionOptions())) {
      assertThat(before.getOutputNames()).hasSize(5).contains("encoder_attentions.3");
      assertThat(after.getOutputNames()).containsExactly("last_hidden_state");
      assertThat(after.getInputNames()).isEqualTo(before.getInputNames());
    }
    assertThat(original.length - stripped.length).isBetween(50, 2000);
  }

  @Test
  void theEncoderTakesShorterWindowsAndEncodesA30SecondWindowAsBefore() throws Exception {
    byte[] stripped = strippedTinyEncoder();

    byte[] edited = OnnxGraphEdits.withPositionsForAnyLength(stripped);

    assertThat(edited).isNotSameAs(stripped);
    assertThat(OnnxGraphEdits.withPositionsForAnyLength(edited))
        .as("no second slice: the addition now reads the sliced positions")
        .isSameAs(edited);
    float[] full = Models.tiny().logMel().compute(Models.jfk());
    float[] twenty = new float[80 * 2000];
    for (int bin = 0; bin < 80; bin++) {
      System.arraycopy(full, bin * 3000, twenty, bin * 2000, 2000);
    }
    var env = OrtEnvironment.getEnvironment();
    try (var before = env.createSession(stripped, new OrtSession.SessionOptions());
        var after = env.createSession(edited, new OrtSession.SessionOptions())) {
      float[][] expected = encode(env, before, full, 3000);
      float[][] actual = encode(env, after, full, 3000);
      assertThat(actual.length).isEqualTo(1500);
      for (int position = 0; position < 1500; position += 97) {
        assertThat(actual[position]).containsExactly(expected[position]);
      }
      assertThat(encode(env, after, twenty, 2000)).hasNumberOfRows(1000);
      assertThatThrownBy(() -> encode(env, before, twenty, 2000))
          .as("the export adds all 1500 positions")
          .isInstanceOf(OrtException.class);
    }
    assertThat(Models.tiny().takesShortWindows()).isTrue();
  }

  @Test
  void signedWeightsEncodeExactlyAsTheUnsignedOnesWhereTheCpuHasVnni() throws Exception {
    byte[] stripped = strippedTinyEncoder();

    byte[] signed = OnnxGraphEdits.withSignedWeights(stripped);

    assertThat(signed).isNotSameAs(stripped);
    assertThat(OnnxGraphEdits.withSignedWeights(signed))
        .as("nothing left to change")
        .isSameAs(signed);
    // Without VNNI, ONNX Runtime multiplies uint8 by int8 into saturating 16-bit sums, so the
    // output may move there; that is why the service only signs weights on VNNI machines.
    assumeThat(Int8Weights.forThisMachine()).isEqualTo(Int8Weights.SIGNED);
    float[] features = Models.tiny().logMel().compute(Models.jfk());
    var env = OrtEnvironment.getEnvironment();
    try (var before = env.createSession(stripped, new OrtSession.SessionOptions());
        var after = env.createSession(signed, new OrtSession.SessionOptions())) {
      float[][] expected = encode(env, before, features, 3000);
      float[][] actual = encode(env, after, features, 3000);
      for (int position = 0; position < 1500; position++) {
        assertThat(actual[position]).containsExactly(expected[position]);
      }
    }
  }

  @Test
  void aDecoderWhoseWeightsAreSignedAlreadyIsLeftAlone() throws Exception {
    byte[] decoder =
        Files.readAllBytes(
            Models.folder("tiny").resolve("onnx/decoder_model_merged_quantized.onnx"));

    assertThat(OnnxGraphEdits.withSignedWeights(decoder)).isSameAs(decoder);
  }

  private static byte[] strippedTinyEncoder() throws java.io.IOException {
    return OnnxGraphEdits.without(
        Files.readAllBytes(Models.folder("tiny").resolve("onnx/encoder_model_quantized.onnx")),
        n -> n.startsWith("encoder_attentions"));
  }

  private static float[][] encode(
      OrtEnvironment env, OrtSession encoder, float[] features, int frames) throws OrtException {
    try (var input =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(features), new long[] {1, 80, frames});
        var result = encoder.run(Map.of("input_features", input))) {
      return ((float[][][]) result.get(0).getValue())[0];
    }
  }

  @Test
  void removingNothingGivesTheSameBytes() throws Exception {
    byte[] original =
        Files.readAllBytes(Models.folder("tiny").resolve("onnx/encoder_model_quantized.onnx"));

    assertThat(OnnxGraphEdits.without(original, n -> false)).isEqualTo(original);
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> OnnxGraphEdits.without(new byte[] {0x0f, 0x7f, 0x7f}, n -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an ONNX model");
  }
}
