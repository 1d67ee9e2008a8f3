package dev.earshot.classify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.classify.TestAudio;
import dev.earshot.cli.LongCommandLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code predict} with a thousand paths of 60+ characters on its command line, in its
 * own JVM: ONNX Runtime 1.29.0 crashed the JVM on such command lines before reading any file.
 */
class PredictManyFilesIT {

  static final int COPIES = 6;

  @TempDir Path dir;

  @Test
  void aThousandLongPathsAreClassifiedOrReportedOneByOne() throws Exception {
    Path speech = TestAudio.alsa().resolve("Front_Left.wav");
    Path bell = TestAudio.freedesktop().resolve("bell.oga");
    var arguments = LongCommandLine.prepare(dir, List.of(speech, bell), COPIES);
    List<String> args =
        new ArrayList<>(List.of("predict", "--tsv", "--classifier", "builtin:sound-type"));
    args.addAll(arguments.all());

    var run =
        LongCommandLine.run(
            List.of(
                "-cp",
                System.getProperty("earshot.classify.classpath"),
                ClassifyCommand.class.getName()),
            args,
            dir);

    List<String[]> rows = run.rows(arguments, "earshot classify predict");
    // The built-in model gives "speech" with p > 0.9999 for this word and p < 1e-6 for the bell
    // on every CPU measured (README, "Reproducibility"); a broken model or decoder flips both.
    assertThat(rows.subList(0, COPIES))
        .extracting(r -> r[1])
        .as(TestAudio.on("sound type of a spoken word"))
        .containsOnly("speech");
    assertThat(rows.subList(COPIES, 2 * COPIES))
        .extracting(r -> r[1])
        .as(TestAudio.on("sound type of a bell"))
        .doesNotContain("speech");
  }
}
