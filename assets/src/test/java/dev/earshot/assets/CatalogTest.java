package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;

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
            "synth-tools",
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
    assertThat(Catalog.SYNTH_TOOLS.packages()).hasSize(30);
    assertThat(Catalog.SYNTH_TOOLS.packages())
        .extracting(PinnedDeb::fileName)
        .contains(
            "espeak-ng_1.51+dfsg-10+deb12u2_amd64.deb",
            "espeak-ng-data_1.51+dfsg-10+deb12u2_amd64.deb",
            "sox_14.4.2+git20190427-3.5_amd64.deb",
            "libsox3_14.4.2+git20190427-3.5_amd64.deb");
    assertThat(Catalog.SYNTH_TOOLS.totalSize()).isEqualTo(9_545_364L);
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
}
