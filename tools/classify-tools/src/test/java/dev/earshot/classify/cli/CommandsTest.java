package dev.earshot.classify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.classify.TestAudio;
import dev.earshot.classify.model.ClassifierArtifact;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingAudio;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The train, evaluate and compare commands end to end on real recordings, without Kafka. */
class CommandsTest {

  @TempDir static Path dir;
  static Path manifest;

  @BeforeAll
  static void writeManifest() throws Exception {
    List<String> lines = new ArrayList<>(List.of("file,label"));
    for (LabelledAudio item : TrainingAudio.speechAndSounds()) {
      lines.add(item.file() + "," + item.label());
    }
    manifest = dir.resolve("speech-or-sound.csv");
    Files.write(manifest, lines);
  }

  static String run(Object command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(command).execute(args);
      assertThat(exit).as("exit code of %s", List.of(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void trainSavesAnArtifactWithAReportThatEvaluateReadsBack() throws Exception {
    Path model = dir.resolve("model");
    String trained =
        run(
            new TrainCommand(),
            "--data",
            manifest.toString(),
            "--model",
            "logistic",
            "--name",
            "speech-or-sound",
            "--out",
            model.toString(),
            "--split",
            "0.6,0.2",
            "--augment",
            "1",
            "--seed",
            "7",
            "--threads",
            "1");

    assertThat(trained).contains("saved speech-or-sound sha256:", "accuracy");
    assertThat(ClassifierArtifact.read(model).labels()).containsExactly("sound", "speech");
    assertThat(model.resolve("report/confusion-matrix.png")).isNotEmptyFile();
    assertThat(model.resolve("report/training-curves.png")).isNotEmptyFile();

    Path report = dir.resolve("evaluation");
    String evaluated =
        run(
            new EvaluateCommand(),
            "--data",
            manifest.toString(),
            "--classifier",
            model.toString(),
            "--report",
            report.toString());
    JsonNode json = new ObjectMapper().readTree(report.resolve("evaluation.json").toFile());
    assertThat(json.path("n").asInt()).isEqualTo(TrainingAudio.speechAndSounds().size());
    // Every file, training files included: a model that learnt anything gets most right (measured
    // 0.94; logistic regression on hand-made features runs in Java, the same on every processor).
    assertThat(json.path("accuracy").asDouble())
        .as(TestAudio.on("accuracy of the saved model"))
        .isGreaterThan(0.8);
    assertThat(evaluated).contains("confusion matrix");
    assertThat(report.resolve("roc.png")).isNotEmptyFile();
  }

  @Test
  void crossValidationReportsEveryFold() throws Exception {
    Path report = dir.resolve("cv");
    String out =
        run(
            new EvaluateCommand(),
            "--data",
            manifest.toString(),
            "--folds",
            "3",
            "--model",
            "logistic",
            "--augment",
            "0",
            "--threads",
            "1",
            "--report",
            report.toString());

    JsonNode cv = new ObjectMapper().readTree(report.resolve("cross-validation.json").toFile());
    assertThat(cv.toString()).contains("folds");
    assertThat(out).contains("cross-validation");
    assertThat(report.resolve("evaluation.json")).isNotEmptyFile();
  }

  @Test
  void compareTrainsEveryModelOnOneSplitWithEnsembles() throws Exception {
    Path out = dir.resolve("compare");
    String table =
        run(
            new CompareCommand(),
            "--data",
            manifest.toString(),
            "--models",
            "logistic,xgboost",
            "--ensemble",
            "--augment",
            "0",
            "--split",
            "0.6,0.2",
            "--threads",
            "1",
            "--out",
            out.toString());

    assertThat(table)
        .contains(
            "logistic:handcrafted", "xgboost:handcrafted", "ensemble:average", "ensemble:vote");
    assertThat(out.resolve("comparison.json")).isNotEmptyFile();
  }
}
