package dev.earshot.classify.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.DebianArch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Downloads the espeak-ng and SoX packages of every architecture into an empty cache, so that each
 * {@code .deb} is checked against its pinned sha256 and size, and checks that the programs in it
 * are built for that architecture. Opt-in ({@code -Dearshot.test.all-arches=true}, 19 MB): {@code
 * SynthesiserTest} already fetches and runs this machine's tree on every build, the other
 * architecture's pins change only with this catalogue.
 */
@EnabledIfSystemProperty(named = "earshot.test.all-arches", matches = "true")
class SynthToolsDownloadTest {

  /** ELF {@code e_machine} values. */
  private static final Map<DebianArch, Integer> MACHINE =
      Map.of(DebianArch.AMD64, 0x3e, DebianArch.ARM64, 0xb7);

  @TempDir Path cacheRoot;

  @ParameterizedTest
  @EnumSource(DebianArch.class)
  void everyPackageMatchesItsPinAndHoldsProgramsForItsArchitecture(DebianArch arch)
      throws IOException {
    Path root = new AssetCache(cacheRoot).fetchTree(TrainingCatalog.synthTools(arch));

    for (String tool : new String[] {"usr/bin/espeak-ng", "usr/bin/sox"}) {
      assertThat(root.resolve(tool)).isExecutable();
      assertThat(elfMachine(root.resolve(tool))).as(tool).isEqualTo(MACHINE.get(arch));
    }
    assertThat(arch.libDir(root).resolve("espeak-ng-data/phontab")).isRegularFile();
    assertThat(arch.libraryPath(root)).allSatisfy(folder -> assertThat(folder).isDirectory());
    assertThat(arch.libDir(root).resolve("libsox.so.3")).exists();
  }

  private static int elfMachine(Path file) throws IOException {
    byte[] header = new byte[20];
    try (InputStream in = Files.newInputStream(file)) {
      assertThat(in.readNBytes(header, 0, header.length)).isEqualTo(header.length);
    }
    assertThat(header[0]).isEqualTo((byte) 0x7f);
    // e_machine: two little-endian bytes at offset 18 of a 64-bit little-endian ELF header.
    return (header[18] & 0xff) | (header[19] & 0xff) << 8;
  }
}
