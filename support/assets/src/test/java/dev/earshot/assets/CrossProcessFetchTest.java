package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two other JVMs and this one fetch the same asset into one cache at the same moment. */
class CrossProcessFetchTest {

  private static final byte[] CONTENT = "shared between JVMs".getBytes(StandardCharsets.UTF_8);

  @TempDir Path root;

  @Test
  void concurrentJvmsDownloadTheSameAssetOnce() throws Exception {
    try (TestHttpServer server = new TestHttpServer().serve("/shared.bin", CONTENT).delay(500)) {
      URI url = server.uri("/shared.bin");
      List<Process> children = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        children.add(startChild(url));
      }
      for (Process child : children) {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
      }
      for (Process child : children) {
        OutputStream in = child.getOutputStream();
        in.write('\n');
        in.flush();
      }
      Path here = new AssetCache(root).fetch(Child.asset(url));

      for (Process child : children) {
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String error = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(error).isZero();
      }
      assertThat(here).hasBinaryContent(CONTENT);
      assertThat(server.requests("/shared.bin")).isEqualTo(1);
    }
  }

  private Process startChild(URI url) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Child.class.getName(),
            root.toString(),
            url.toString())
        .start();
  }

  /** Says "ready", waits for a line on stdin, then fetches. */
  public static final class Child {

    static Asset asset(URI url) {
      var digest = Sha256.newDigest();
      digest.update(CONTENT);
      return new Asset(
          "shared", "shared.bin", Sha256.hex(digest), CONTENT.length, List.of(new HttpFile(url)));
    }

    public static void main(String[] args) throws IOException {
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      new AssetCache(Path.of(args[0])).fetch(asset(URI.create(args[1])));
    }
  }
}
