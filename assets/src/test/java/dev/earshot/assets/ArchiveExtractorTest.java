package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {

  @TempDir Path dir;

  @Test
  void extractsRequestedMembersOfATarGzAndSkipsTheRest() throws IOException {
    Path archive =
        write(
            "pkg.tgz",
            Archives.tarGz(
                Archives.files(
                    "package/package.json", "{}",
                    "package/samples/a.wav", "RIFF-a",
                    "package/samples/b.wav", "RIFF-b")));

    Map<String, ArchiveExtractor.Extracted> found =
        ArchiveExtractor.extract(
            archive,
            ArchiveFormat.TAR_GZ,
            Set.of("package/samples/a.wav", "package/samples/b.wav", "package/absent"),
            dir);

    assertThat(found).containsOnlyKeys("package/samples/a.wav", "package/samples/b.wav");
    assertThat(content(found.get("package/samples/b.wav"))).isEqualTo("RIFF-b");
    assertThat(found.get("package/samples/a.wav").sha256()).isEqualTo(sha256("RIFF-a"));
    assertThat(found.get("package/samples/a.wav").size()).isEqualTo(6);
  }

  @Test
  void extractsAFileFromTheXzDataTarOfADebianPackage() throws IOException {
    Path archive =
        write(
            "sounds_1.0_all.deb",
            Archives.deb(
                Archives.files(
                    "./usr/share/doc/sounds/copyright", "GPL",
                    "./usr/share/sounds/test/Noise.wav", "RIFF-noise")));

    Map<String, ArchiveExtractor.Extracted> found =
        ArchiveExtractor.extract(
            archive, ArchiveFormat.DEB, Set.of("usr/share/sounds/test/Noise.wav"), dir);

    assertThat(content(found.get("usr/share/sounds/test/Noise.wav"))).isEqualTo("RIFF-noise");
  }

  @Test
  void followsASymbolicLinkToTheFileItNames() throws IOException {
    Path archive =
        write(
            "theme_1.0_all.deb",
            Archives.deb(
                Archives.files(
                    "./usr/share/sounds/stereo/dialog-error.oga", "->dialog-warning.oga",
                    "./usr/share/sounds/stereo/dialog-warning.oga", "OggS-warning")));

    Map<String, ArchiveExtractor.Extracted> found =
        ArchiveExtractor.extract(
            archive, ArchiveFormat.DEB, Set.of("usr/share/sounds/stereo/dialog-error.oga"), dir);

    assertThat(content(found.get("usr/share/sounds/stereo/dialog-error.oga")))
        .isEqualTo("OggS-warning");
    try (var leftovers = Files.list(dir)) {
      assertThat(leftovers.filter(p -> p.toString().endsWith(".part"))).hasSize(1);
    }
  }

  @Test
  void namesTheUnsupportedCompressionOfADebianPackage() throws IOException {
    Path archive =
        write("ubuntu_1.0_all.deb", Archives.deb("data.tar.zst", new byte[] {0x28, (byte) 0xb5}));

    assertThatThrownBy(
            () -> ArchiveExtractor.extract(archive, ArchiveFormat.DEB, Set.of("usr/x"), dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("data.tar.zst")
        .hasMessageContaining("not support");
  }

  @Test
  void resolvesRelativeAndAbsoluteLinkTargets() {
    assertThat(ArchiveExtractor.resolveLink("usr/share/a/x.oga", "y.oga"))
        .isEqualTo("usr/share/a/y.oga");
    assertThat(ArchiveExtractor.resolveLink("usr/share/a/x.oga", "../b/./y.oga"))
        .isEqualTo("usr/share/b/y.oga");
    assertThat(ArchiveExtractor.resolveLink("usr/share/a/x.oga", "/etc/y")).isEqualTo("etc/y");
    assertThat(ArchiveExtractor.normalize("./usr/share/")).isEqualTo("usr/share");
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static String content(ArchiveExtractor.Extracted extracted) throws IOException {
    return Files.readString(extracted.file(), StandardCharsets.UTF_8);
  }

  static String sha256(String content) {
    var digest = Sha256.newDigest();
    digest.update(content.getBytes(StandardCharsets.UTF_8));
    return Sha256.hex(digest);
  }
}
