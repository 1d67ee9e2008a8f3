package dev.earshot.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.earshot.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchCommandTest {

  @TempDir Path cache;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void listsTheCatalogueWithoutDownloading() {
    assertThat(run("list")).isZero();

    assertThat(out())
        .contains("Cache: " + cache)
        .contains("whisper-tiny", "whisper-base", "jfk", "librivox", "freedesktop-sounds")
        .containsPattern("jfk\\s+1\\s+352\\.1 kB\\s+no\\s+JFK");
  }

  @Test
  void printsWhereEntriesLiveWithoutFetching() {
    assertThat(run("path", "jfk", "whisper-tiny")).isZero();

    assertThat(out().lines())
        .containsExactly(
            cache.resolve("assets/jfk/jfk.wav").toString(),
            cache.resolve("assets/whisper-tiny").toString());
  }

  @Test
  void refusesAnUnknownNameInOneLineWithTheKnownOnes() {
    assertThat(run("whisper-large")).isEqualTo(ExitCodes.USAGE);

    assertThat(err().lines())
        .singleElement(STRING)
        .startsWith("fetch: unknown asset 'whisper-large'; known: ")
        .contains("whisper-tiny, whisper-base")
        .endsWith("(see 'fetch --help')");
    assertThat(out()).isEmpty();
  }

  @Test
  void withoutArgumentsAsksForAnEntryInOneLine() {
    assertThat(run()).isEqualTo(ExitCodes.USAGE);

    assertThat(err().lines()).singleElement(STRING).contains("name at least one entry");
  }

  private int run(String... args) {
    return FetchCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        cache);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
