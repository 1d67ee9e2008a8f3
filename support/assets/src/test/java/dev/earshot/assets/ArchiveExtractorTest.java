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
  void extractsEveryFileUnderTheChosenFoldersWithItsLayoutAndExecutableBit() throws IOException {
    Path archive =
        write(
            "tools_1.0_amd64.deb",
            Archives.deb(
                Archives.files(
                    "./usr/", "",
                    "./usr/bin/", "",
                    "./usr/bin/say", "#!/bin/sh\necho hi\n",
                    "./usr/lib/x/libsay.so.1.2", "ELF-say",
                    "./usr/share/doc/tools/copyright", "GPL-3+",
                    "./etc/tools.conf", "left out")));
    Path target = dir.resolve("tree");

    Map<String, ArchiveExtractor.TreeFile> files =
        ArchiveExtractor.extractTree(
            archive,
            ArchiveFormat.DEB,
            name -> name.startsWith("usr/bin") || name.startsWith("usr/lib"),
            target);

    assertThat(files).containsOnlyKeys("usr/bin/say", "usr/lib/x/libsay.so.1.2");
    assertThat(files.get("usr/lib/x/libsay.so.1.2").sha256()).isEqualTo(sha256("ELF-say"));
    assertThat(files.get("usr/lib/x/libsay.so.1.2").size()).isEqualTo(7);
    assertThat(target.resolve("usr/lib/x/libsay.so.1.2")).hasContent("ELF-say");
    assertThat(Files.isExecutable(target.resolve("usr/bin/say"))).isTrue();
    assertThat(Files.isExecutable(target.resolve("usr/lib/x/libsay.so.1.2"))).isFalse();
    assertThat(target.resolve("usr/share")).doesNotExist();
    assertThat(target.resolve("etc")).doesNotExist();
  }

  @Test
  void keepsSymbolicLinksInsideTheTreeAndCopiesHardLinks() throws IOException {
    Path archive =
        write(
            "libs_1.0_amd64.deb",
            Archives.deb(
                Archives.files(
                    "./usr/lib/libsay.so.1", "->libsay.so.1.2",
                    "./usr/lib/libsay.so.1.2", "ELF-say",
                    "./usr/lib/abs.so", "->/usr/lib/libsay.so.1.2",
                    "./usr/lib/say-copy", "=>./usr/lib/libsay.so.1.2")));
    Path target = dir.resolve("tree");

    Map<String, ArchiveExtractor.TreeFile> files =
        ArchiveExtractor.extractTree(archive, ArchiveFormat.DEB, name -> true, target);

    Path link = target.resolve("usr/lib/libsay.so.1");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("libsay.so.1.2"));
    assertThat(link).hasContent("ELF-say");
    assertThat(Files.readSymbolicLink(target.resolve("usr/lib/abs.so")))
        .as("an absolute target means the same path inside the tree")
        .isEqualTo(Path.of("libsay.so.1.2"));
    assertThat(Files.isSymbolicLink(target.resolve("usr/lib/say-copy"))).isFalse();
    assertThat(target.resolve("usr/lib/say-copy")).hasContent("ELF-say");
    assertThat(files).containsOnlyKeys("usr/lib/libsay.so.1.2", "usr/lib/say-copy");
  }

  @Test
  void writesNothingOutsideTheTree() throws IOException {
    Path archive =
        write(
            "evil_1.0_all.deb",
            Archives.deb(
                Archives.files(
                    "./usr/../../escaped.txt", "out",
                    "./usr/up", "->../../..",
                    "./usr/passwd", "->../../etc/passwd",
                    "./usr/ok.txt", "in")));
    Path target = dir.resolve("tree");

    Map<String, ArchiveExtractor.TreeFile> files =
        ArchiveExtractor.extractTree(archive, ArchiveFormat.DEB, name -> true, target);

    assertThat(files).containsOnlyKeys("usr/ok.txt");
    assertThat(dir.resolve("escaped.txt")).doesNotExist();
    assertThat(target.resolve("usr/up")).doesNotExist();
    assertThat(target.resolve("usr/passwd")).doesNotExist();
    assertThat(ArchiveExtractor.confinedLinkTarget("usr/lib/a", "../../../x")).isNull();
    assertThat(ArchiveExtractor.confinedLinkTarget("usr/lib/a", "../b")).isEqualTo("usr/b");
  }

  @Test
  void refusesToWriteThroughALinkThatLeavesTheTree() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path target = Files.createDirectories(dir.resolve("tree"));
    Files.createSymbolicLink(target.resolve("usr"), outside);
    Path archive =
        write("sneaky_1.0_all.deb", Archives.deb(Archives.files("./usr/x.txt", "through")));

    assertThatThrownBy(
            () -> ArchiveExtractor.extractTree(archive, ArchiveFormat.DEB, name -> true, target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside");
    assertThat(outside.resolve("x.txt")).doesNotExist();
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
