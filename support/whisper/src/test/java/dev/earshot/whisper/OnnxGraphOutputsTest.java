package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class OnnxGraphOutputsTest {

  @Test
  void theEncoderLosesItsAttentionOutputsAndKeepsEverythingElse() throws Exception {
    byte[] original =
        Files.readAllBytes(Models.folder("tiny").resolve("onnx/encoder_model_quantized.onnx"));

    byte[] stripped = OnnxGraphOutputs.without(original, n -> n.startsWith("encoder_attentions"));

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
  void removingNothingGivesTheSameBytes() throws Exception {
    byte[] original =
        Files.readAllBytes(Models.folder("tiny").resolve("onnx/encoder_model_quantized.onnx"));

    assertThat(OnnxGraphOutputs.without(original, n -> false)).isEqualTo(original);
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> OnnxGraphOutputs.without(new byte[] {0x0f, 0x7f, 0x7f}, n -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an ONNX model");
  }
}
