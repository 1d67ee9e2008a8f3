package dev.earshot.classify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.classify.TestAudio;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** predict over folders and list files, without Kafka or Quarkus. */
class PredictCommandTest {

  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  static Run predict(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(new PredictCommand()).execute(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  @Test
  void aFolderAndAListFileGiveOneLinePerAudioFileAndMissingOnesAreNamed() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("sounds/more"));
    Path speech =
        Files.copy(TestAudio.alsa().resolve("Front_Left.wav"), dir.resolve("sounds/a.wav"));
    Path bell = Files.copy(TestAudio.freedesktop().resolve("bell.oga"), folder.resolve("bell.oga"));
    Files.writeString(dir.resolve("sounds/readme.md"), "skipped, not an error");
    Path listed = Files.copy(speech, dir.resolve("listed.wav"));
    Path missing = dir.resolve("gone.wav");
    Path list = Files.writeString(dir.resolve("list.txt"), listed + "\n" + missing + "\n");

    Run run =
        predict(
            "--tsv",
            "--progress",
            "--classifier",
            "builtin:sound-type",
            dir.resolve("sounds").toString(),
            "@" + list);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    // Built-in sound-type: p(speech) > 0.9999 for the word, < 1e-6 for the bell, measured on every
    // CPU kind tried (README, "Reproducibility"); a broken model or feature path flips both.
    assertThat(run.out().lines())
        .containsExactly(speech + "\tspeech", bell + "\tother", listed + "\tspeech");
    assertThat(run.err())
        .contains(missing + ": no such file or folder")
        .containsPattern("3/3 files .* \\d+\\.\\d s of audio, RTF \\d+\\.\\d{3}");
  }

  @Test
  void jsonLinesNameEveryClassifierWithItsModel() throws Exception {
    Path speech = TestAudio.alsa().resolve("Front_Left.wav");

    Run run = predict("--top", "2", speech.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> lines = run.out().lines().map(l -> readTree(l)).toList();
    assertThat(lines).singleElement();
    JsonNode classifiers = lines.get(0).get("classifiers");
    assertThat(classifiers.fieldNames()).toIterable().containsExactly("sound-type", "digits");
    assertThat(classifiers.get("sound-type").get("predicted_label").asText()).isEqualTo("speech");
    assertThat(classifiers.get("sound-type").get("top")).hasSize(2);
    assertThat(classifiers.get("digits").get("version").asText()).startsWith("sha256:");
  }

  private static JsonNode readTree(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
