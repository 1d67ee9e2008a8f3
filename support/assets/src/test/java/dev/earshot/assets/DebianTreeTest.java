package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianTreeTest {

  private static final String TOOL = "main/t/tool/tool_1.0-1_amd64.deb";
  private static final String LIB = "main/libt/libtool1_2.0-1_amd64.deb";

  @TempDir Path root;

  private TestHttpServer server;
  private byte[] toolDeb;
  private byte[] libDeb;

  @BeforeEach
  void serveTwoPackages() throws IOException {
    server = new TestHttpServer();
    toolDeb =
        Archives.deb(
            Archives.files(
                "./usr/bin/tool", "#!/bin/sh\nexit 0\n",
                "./usr/share/doc/tool/copyright", "GPL-2+",
                "./usr/share/man/man1/tool.1", "left out"));
    libDeb =
        Archives.deb(
            Archives.files(
                "./usr/lib/x86_64-linux-gnu/libtool.so.1", "->libtool.so.1.0.0",
                "./usr/lib/x86_64-linux-gnu/libtool.so.1.0.0", "ELF-lib",
                "./usr/share/doc/libtool1/copyright", "LGPL-2.1+"));
    server.serve("/debian/pool/" + TOOL, toolDeb);
    server.serve("/debian/pool/" + LIB, libDeb);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void extractsTheChosenFoldersOfEveryPackageIntoOneFolder() throws IOException {
    DebianTree tree = tree(sha256(libDeb));
    AssetCache cache = new AssetCache(root);
    assertThat(cache.isCached(tree)).isFalse();

    Path folder = cache.fetch(tree);

    assertThat(folder).isEqualTo(cache.locationOf(tree)).isEqualTo(root.resolve("assets/tools"));
    assertThat(Files.isExecutable(folder.resolve("usr/bin/tool"))).isTrue();
    assertThat(folder.resolve("usr/lib/x86_64-linux-gnu/libtool.so.1")).hasContent("ELF-lib");
    assertThat(Files.isSymbolicLink(folder.resolve("usr/lib/x86_64-linux-gnu/libtool.so.1")))
        .isTrue();
    assertThat(folder.resolve("usr/share/doc/libtool1/copyright")).hasContent("LGPL-2.1+");
    assertThat(folder.resolve("usr/share/man")).doesNotExist();
    assertThat(cache.isCached(tree)).isTrue();
    assertThat(root.resolve("tmp")).isEmptyDirectory();
  }

  @Test
  void downloadsEachPackageOnceAndExtractsAgainWhenAFileGoesMissing() throws IOException {
    DebianTree tree = tree(sha256(libDeb));
    AssetCache cache = new AssetCache(root);
    Path folder = cache.fetch(tree);

    Files.delete(folder.resolve("usr/lib/x86_64-linux-gnu/libtool.so.1.0.0"));
    Files.writeString(folder.resolve("usr/bin/extra"), "left by hand");
    assertThat(cache.isCached(tree)).isFalse();
    new AssetCache(root).fetch(tree);

    assertThat(folder.resolve("usr/lib/x86_64-linux-gnu/libtool.so.1.0.0")).hasContent("ELF-lib");
    assertThat(folder.resolve("usr/bin/extra"))
        .as("the folder is replaced as a whole")
        .doesNotExist();
    assertThat(server.requests("/debian/pool/" + TOOL)).isEqualTo(1);
    assertThat(server.requests("/debian/pool/" + LIB)).isEqualTo(1);
  }

  @Test
  void namesThePackageWhoseChecksumDoesNotMatchAndLeavesNoFolder() {
    String wrong = "ab".repeat(32);
    DebianTree tree = tree(wrong);

    assertThatThrownBy(() -> new AssetCache(root).fetch(tree))
        .isInstanceOf(AssetException.class)
        .hasMessageContaining("tree 'tools'")
        .hasMessageContaining("libtool1_2.0-1_amd64.deb")
        .hasMessageContaining("sha256 mismatch");
    assertThat(root.resolve("assets/tools")).doesNotExist();
  }

  @Test
  void listsTheDebsAsItsPinnedFilesAndChecksItsFolders() {
    DebianTree tree = tree(sha256(libDeb));

    assertThat(tree.files())
        .extracting(Asset::fileName)
        .containsExactly("tool_1.0-1_amd64.deb", "libtool1_2.0-1_amd64.deb");
    assertThat(tree.totalSize()).isEqualTo(toolDeb.length + libDeb.length);
    assertThat(tree.includes("usr/bin/tool")).isTrue();
    assertThat(tree.includes("usr/binary")).isFalse();
    assertThatThrownBy(() -> new DebianTree("t", "", tree.packages(), List.of("../etc")))
        .hasMessageContaining("relative path");
    assertThatThrownBy(
            () ->
                new DebianTree(
                    "t", "", List.of(tree.packages().get(0), tree.packages().get(0)), List.of("")))
        .hasMessageContaining("twice");
  }

  private DebianTree tree(String libSha256) {
    return new DebianTree(
        "tools",
        "a tool and its library",
        List.of(
            new PinnedDeb(server.uri("/debian"), TOOL, sha256(toolDeb), toolDeb.length),
            new PinnedDeb(server.uri("/debian/"), LIB, libSha256, libDeb.length)),
        List.of("usr/bin", "usr/lib", "usr/share/doc"));
  }

  private static String sha256(byte[] bytes) {
    var digest = Sha256.newDigest();
    digest.update(bytes);
    return Sha256.hex(digest);
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
