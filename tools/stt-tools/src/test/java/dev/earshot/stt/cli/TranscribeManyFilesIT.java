package dev.earshot.stt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.cli.LongCommandLine;
import dev.earshot.whisper.CpuFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code transcribe} with a thousand paths of 60+ characters on its command line. ONNX
 * Runtime 1.29.0 crashed the JVM on such command lines (its telemetry ran a recursive std::regex
 * over /proc/self/cmdline on the main thread's stack), so the command runs in its own JVM with the
 * arguments on its real command line.
 */
class TranscribeManyFilesIT {

  static final int COPIES = 8;

  @TempDir Path dir;

  @Test
  void aThousandLongPathsAreTranscribedOrReportedOneByOne() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    var arguments = LongCommandLine.prepare(dir, List.of(jfk), COPIES);
    List<String> args =
        new ArrayList<>(List.of("transcribe", "--tsv", "--model", "tiny", "--language", "en"));
    args.addAll(arguments.all());

    var run =
        LongCommandLine.run(
            List.of("-cp", System.getProperty("earshot.stt.classpath"), SttCommand.class.getName()),
            args,
            dir);

    List<String[]> rows = run.rows(arguments, "earshot stt transcribe");
    // Copies of one recording: whatever whisper-tiny hears on this CPU, it hears it each time.
    assertThat(rows).extracting(r -> r[1]).containsOnly(rows.get(0)[1]);
    assertThat(rows.get(0)[1])
        .as("the text on %s", CpuFeatures.host())
        .containsIgnoringCase("ask not what your country can do for you");
  }
}
