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
  void alignmentHeadsComeFromTheGenerationConfig() {
    assertThat(Models.tiny().config().alignmentHeads())
        .isDeepEqualTo(new int[][] {{2, 2}, {3, 0}, {3, 2}, {3, 3}, {3, 4}, {3, 5}});
    assertThat(Models.base().config().alignmentHeads()).hasDimensions(8, 2);
    assertThat(Models.tiny().timesWords()).isTrue();
    assertThat(Models.tiny().noWordTimestampsReason()).isNull();
  }

  @Test
  void withoutCrossAttentionOutputsTheModelSaysWhatIsMissingAndTranscribesWithoutWords()
      throws IOException {
    copyModel();
    Path decoder = copy.resolve("onnx/decoder_model_merged_quantized.onnx");
    Files.write(
        decoder,
        OnnxGraphEdits.without(
            Files.readAllBytes(decoder), name -> name.startsWith("cross_attentions")));

    try (WhisperModel model = WhisperModel.load(copy, WhisperOptions.defaults())) {
      assertThat(model.timesWords()).isFalse();
      assertThat(model.noWordTimestampsReason())
          .contains("cross_attentions.2, cross_attentions.3")
          .contains("output_attentions");
      Transcription result =
          new Transcriber(model, DecodingOptions.defaults())
              .transcribe(new AudioWindow(Models.jfk(), 0));
      assertThat(result.text()).as(Models.on("the text")).isNotBlank();
      assertThat(result.segments()).allSatisfy(s -> assertThat(s.words()).isEmpty());
    }
  }

  @Test
  void withoutAlignmentHeadsTheModelSaysSo() throws IOException {
    copyModel();
    Path generation = copy.resolve("generation_config.json");
    Files.writeString(
        generation,
        Files.readString(generation).replaceAll("\"alignment_heads\"\\s*:", "\"unused_heads\":"));

    try (WhisperModel model = WhisperModel.load(copy, WhisperOptions.defaults())) {
      assertThat(model.timesWords()).isFalse();
      assertThat(model.noWordTimestampsReason()).contains("no alignment_heads");
    }
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
