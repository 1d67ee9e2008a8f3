package dev.earshot.classify.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.assets.CatalogEntry;
import dev.earshot.assets.DebianArch;
import dev.earshot.assets.DebianTree;
import dev.earshot.assets.PinnedDeb;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCatalogTest {

  @Test
  void choosesTheToolsBuiltForTheMachine() {
    assertThat(TrainingCatalog.synthTools(DebianArch.of("amd64")))
        .isSameAs(TrainingCatalog.SYNTH_TOOLS_AMD64);
    assertThat(TrainingCatalog.synthTools(DebianArch.of("aarch64")))
        .isSameAs(TrainingCatalog.SYNTH_TOOLS_ARM64);
    assertThat(TrainingCatalog.all())
        .extracting(CatalogEntry::name)
        .containsExactly(
            "synth-tools-amd64",
            "synth-tools-arm64",
            "lmms-samples",
            "ktuberling-sounds",
            "hedgewars-sounds");
  }

  @Test
  void pinsWholePackagesForTheToolsAndSoundLibraries() {
    assertThat(TrainingCatalog.SYNTH_TOOLS_AMD64.packages()).hasSize(30);
    assertThat(TrainingCatalog.SYNTH_TOOLS_AMD64.packages())
        .extracting(PinnedDeb::fileName)
        .contains(
            "espeak-ng_1.51+dfsg-10+deb12u2_amd64.deb",
            "espeak-ng-data_1.51+dfsg-10+deb12u2_amd64.deb",
            "sox_14.4.2+git20190427-3.5_amd64.deb",
            "libsox3_14.4.2+git20190427-3.5_amd64.deb");
    assertThat(TrainingCatalog.SYNTH_TOOLS_AMD64.totalSize()).isEqualTo(9_545_364L);
    assertThat(TrainingCatalog.SYNTH_TOOLS_ARM64.totalSize()).isEqualTo(9_265_238L);
    assertThat(TrainingCatalog.soundLibraries().stream().mapToLong(CatalogEntry::totalSize).sum())
        .isEqualTo(200_255_312L);
    for (CatalogEntry entry : TrainingCatalog.soundLibraries()) {
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
  void pinsTheSamePackagesAndVersionsForEachArchitecture() {
    for (DebianArch arch : DebianArch.values()) {
      DebianTree tree = TrainingCatalog.synthTools(arch);
      assertThat(tree.name()).isEqualTo("synth-tools-" + arch.debianName());
      for (PinnedDeb deb : tree.packages()) {
        assertThat(deb.fileName()).endsWith("_" + arch.debianName() + ".deb");
        assertThat(deb.sha256()).hasSize(64);
        assertThat(deb.size()).isPositive();
      }
      assertThat(tree.files()).allSatisfy(file -> assertThat(file.size()).isPositive());
    }
    assertThat(withoutArch(TrainingCatalog.SYNTH_TOOLS_ARM64))
        .containsExactlyElementsOf(withoutArch(TrainingCatalog.SYNTH_TOOLS_AMD64));
    assertThat(TrainingCatalog.SYNTH_TOOLS_ARM64.folders())
        .isEqualTo(TrainingCatalog.SYNTH_TOOLS_AMD64.folders());
  }

  /** Binary NMUs ({@code +b1}) rebuild a package for one architecture, so they may differ. */
  private static List<String> withoutArch(DebianTree tree) {
    return tree.packages().stream()
        .map(deb -> deb.poolPath().replaceFirst("(\\+b[0-9]+)?_[a-z0-9]+\\.deb$", ""))
        .toList();
  }
}
