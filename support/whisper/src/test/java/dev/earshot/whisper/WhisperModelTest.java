package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhisperModelTest {

  @TempDir Path copy;

  @Test
  void sizesAndTokenIdsComeFromTheModelsOwnFiles() {
    WhisperConfig tiny = Models.tiny().config();
    WhisperConfig base = Models.base().config();

    assertThat(tiny.melBins()).isEqualTo(80);
    assertThat(tiny.decoderLayers()).isEqualTo(4);
    assertThat(base.decoderLayers()).isEqualTo(6);
    assertThat(tiny.decoderHeads()).isEqualTo(6);
    assertThat(base.decoderHeads()).isEqualTo(8);
    assertThat(tiny.headSize()).isEqualTo(64);
    assertThat(tiny.multilingual()).isTrue();
    assertThat(tiny.languages()).containsEntry("en", 50259).containsEntry("de", 50261).hasSize(99);
    assertThat(tiny.tokens().startOfTranscript()).isEqualTo(50258);
    assertThat(tiny.tokens().noTimestamps()).isEqualTo(50363);
    assertThat(tiny.tokens().timestampBegin()).isEqualTo(50364);
    assertThat(tiny.tokens().noSpeech()).isEqualTo(50362);
    assertThat(tiny.suppressTokens()).contains(1, 2, 7).doesNotContain(50257);
  }

  @Test
  void theVersionIdentifiesTheModelFiles() {
    assertThat(Models.tiny().version()).startsWith("sha256:").hasSize(23);
    assertThat(Models.tiny().version()).isNotEqualTo(Models.base().version());
    assertThat(Models.tiny().id()).isEqualTo("openai/whisper-tiny");
  }

  @Test
  void aMissingFolderIsNamed() {
    Path missing = copy.resolve("nowhere");

    assertThatThrownBy(() -> WhisperModel.load(missing, WhisperOptions.defaults()))
        .isInstanceOf(WhisperModelException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void aMissingEncoderIsNamed() throws IOException {
    copyModel();
    Files.delete(copy.resolve("onnx/encoder_model_quantized.onnx"));

    assertThatThrownBy(() -> WhisperModel.load(copy, WhisperOptions.defaults()))
        .isInstanceOf(WhisperModelException.class)
        .hasMessageContaining("missing")
        .hasMessageContaining("encoder_model_quantized.onnx");
  }

  @Test
  void aCorruptDecoderIsNamed() throws IOException {
    copyModel();
    byte[] garbage = new byte[4096];
    new Random(1).nextBytes(garbage);
    Files.write(copy.resolve("onnx/decoder_model_merged_quantized.onnx"), garbage);

    assertThatThrownBy(() -> WhisperModel.load(copy, WhisperOptions.defaults()))
        .isInstanceOf(WhisperModelException.class)
        .hasMessageContaining("decoder_model_merged_quantized.onnx")
        .hasMessageContaining("cannot be loaded");
  }

  @Test
  void anUnknownModelNameIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> WhisperModels.resolve("whisper-huge", null))
        .isInstanceOf(WhisperModelException.class)
        .hasMessageContaining("whisper-huge")
        .hasMessageContaining("tiny");
  }

  private void copyModel() throws IOException {
    Path source = Models.folder("tiny");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
