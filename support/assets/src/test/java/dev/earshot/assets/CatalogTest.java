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
            "freedesktop-sounds",
            "synth-tools-amd64",
            "synth-tools-arm64",
            "lmms-samples",
            "ktuberling-sounds",
            "hedgewars-sounds");
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
  void pinsWholePackagesForTheToolsAndSoundLibraries() {
    assertThat(Catalog.SYNTH_TOOLS_AMD64.packages()).hasSize(30);
    assertThat(Catalog.SYNTH_TOOLS_AMD64.packages())
        .extracting(PinnedDeb::fileName)
        .contains(
            "espeak-ng_1.51+dfsg-10+deb12u2_amd64.deb",
            "espeak-ng-data_1.51+dfsg-10+deb12u2_amd64.deb",
            "sox_14.4.2+git20190427-3.5_amd64.deb",
            "libsox3_14.4.2+git20190427-3.5_amd64.deb");
    assertThat(Catalog.SYNTH_TOOLS_AMD64.totalSize()).isEqualTo(9_545_364L);
    assertThat(Catalog.SYNTH_TOOLS_ARM64.totalSize()).isEqualTo(9_265_238L);
    assertThat(Catalog.soundLibraries().stream().mapToLong(CatalogEntry::totalSize).sum())
        .isEqualTo(200_255_312L);
    for (CatalogEntry entry : Catalog.soundLibraries()) {
      DebianTree tree = (DebianTree) entry;
      assertThat(tree.folders()).anyMatch(f -> f.startsWith("usr/share/doc/"));
      assertThat(tree.packages())
          .noneMatch(
              deb ->
                  deb.fileName().startsWith("asterisk-")
                      || deb.fileName().startsWith("sonic-pi")
                      || deb.fileName().startsWith("klettres"));
    }
  }

  @Test
  void choosesTheToolsBuiltForTheMachine() {
    assertThat(DebianArch.of("amd64")).isEqualTo(DebianArch.AMD64);
    assertThat(DebianArch.of("x86_64")).isEqualTo(DebianArch.AMD64);
    assertThat(DebianArch.of("aarch64")).isEqualTo(DebianArch.ARM64);
    assertThat(DebianArch.of("arm64")).isEqualTo(DebianArch.ARM64);
    assertThat(Catalog.synthTools(DebianArch.of("amd64"))).isSameAs(Catalog.SYNTH_TOOLS_AMD64);
    assertThat(Catalog.synthTools(DebianArch.of("aarch64"))).isSameAs(Catalog.SYNTH_TOOLS_ARM64);
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

  @Test
  void pinsTheSamePackagesAndVersionsForEachArchitecture() {
    for (DebianArch arch : DebianArch.values()) {
      DebianTree tree = Catalog.synthTools(arch);
      assertThat(tree.name()).isEqualTo("synth-tools-" + arch.debianName());
      for (PinnedDeb deb : tree.packages()) {
        assertThat(deb.fileName()).endsWith("_" + arch.debianName() + ".deb");
        assertThat(deb.sha256()).hasSize(64);
        assertThat(deb.size()).isPositive();
      }
      assertThat(tree.files()).allSatisfy(file -> assertThat(file.size()).isPositive());
    }
    assertThat(withoutArch(Catalog.SYNTH_TOOLS_ARM64))
        .containsExactlyElementsOf(withoutArch(Catalog.SYNTH_TOOLS_AMD64));
    assertThat(Catalog.SYNTH_TOOLS_ARM64.folders()).isEqualTo(Catalog.SYNTH_TOOLS_AMD64.folders());
  }

  /** Binary NMUs ({@code +b1}) rebuild a package for one architecture, so they may differ. */
  private static List<String> withoutArch(DebianTree tree) {
    return tree.packages().stream()
        .map(deb -> deb.poolPath().replaceFirst("(\\+b[0-9]+)?_[a-z0-9]+\\.deb$", ""))
        .toList();
  }
}
