package dev.earshot.classify.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

  @TempDir Path dir;

  private static TrainingCurve curve() {
    return new TrainingCurve(
        List.of(
            new TrainingCurve.Epoch(1, 1.2, 0.40, Double.NaN, Double.NaN),
            new TrainingCurve.Epoch(2, 0.9, 0.60, 1.0, 0.55),
            new TrainingCurve.Epoch(3, 0.7, 0.75, 0.9, 0.60)));
  }

  @Test
  void jsonHasTheDocumentedStructureAndValues() throws IOException {
    Path file = dir.resolve("nested/evaluation.json");
    EvaluationReport.writeJson(EvaluationTest.animals(), file);
    JsonNode root = new ObjectMapper().readTree(file.toFile());

    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly(
            "labels",
            "n",
            "accuracy",
            "top3Accuracy",
            "averages",
            "perClass",
            "confusionMatrix",
            "rocAuc",
            "minorityRecall",
            "majorityRecall");
    assertThat(root.get("labels").toString()).isEqualTo("[\"cat\",\"dog\",\"bird\"]");
    assertThat(root.get("n").asInt()).isEqualTo(8);
    assertThat(root.get("accuracy").asDouble()).isEqualTo(0.625);
    assertThat(root.at("/averages/macro/f1").asDouble()).isCloseTo(131.0 / 210, within(1e-12));
    assertThat(root.at("/averages/weighted/precision").asDouble()).isEqualTo(11.0 / 16);
    assertThat(root.at("/averages/micro/recall").asDouble()).isEqualTo(0.625);
    assertThat(root.at("/perClass/1/label").asText()).isEqualTo("dog");
    assertThat(root.at("/perClass/1/f1").asDouble()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(root.at("/perClass/2/support").asInt()).isEqualTo(2);
    assertThat(root.get("confusionMatrix").toString()).isEqualTo("[[2,1,0],[0,2,1],[0,1,1]]");
    assertThat(root.at("/rocAuc/perClass/cat").asDouble()).isCloseTo(29.0 / 30, within(1e-12));
    assertThat(root.at("/rocAuc/macro").asDouble()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(root.get("minorityRecall").asDouble()).isEqualTo(0.5);
    assertThat(root.get("majorityRecall").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void jsonWritesNanAsNull() throws IOException {
    Path file = dir.resolve("evaluation.json");
    EvaluationReport.writeJson(EvaluationTest.sparse(), file);
    String text = Files.readString(file);
    JsonNode root = new ObjectMapper().readTree(text);

    assertThat(text).doesNotContain("NaN");
    assertThat(root.at("/perClass/3/rocAuc").isNull()).isTrue();
    assertThat(root.at("/rocAuc/perClass/d").isNull()).isTrue();
    assertThat(root.at("/rocAuc/macro").asDouble()).isCloseTo(23.0 / 36, within(1e-12));
  }

  @Test
  void textReportListsClassesAveragesAndLabelledConfusionMatrix() {
    String text = EvaluationReport.text(EvaluationTest.animals());

    assertThat(text)
        .contains("precision     recall   f1-score    roc-auc    support")
        .contains("           cat     1.0000     0.6667     0.8000     0.9667          3\n")
        .contains("           dog     0.5000     0.6667     0.5714     0.7000          3\n")
        .contains("          bird     0.5000     0.5000     0.5000     0.8333          2\n")
        .contains("      accuracy                           0.6250                     8\n")
        .contains("     macro avg     0.6667     0.6111     0.6238     0.8333          8\n")
        .contains("  weighted avg     0.6875     0.6250     0.6393                     8\n")
        .contains("top-3 accuracy                           1.0000                     8\n")
        .contains("minority-class recall: 0.5000 (bird, support 2)")
        .contains("majority-class recall: 0.6667 (cat, support 3)")
        .endsWith(
            "confusion matrix (rows = true, columns = predicted)\n"
                + "      cat  dog bird\n"
                + " cat    2    1    0\n"
                + " dog    0    2    1\n"
                + "bird    0    1    1\n");
  }

  @Test
  void textReportShowsNanAsNotAvailable() {
    assertThat(EvaluationReport.text(EvaluationTest.sparse()))
        .contains("             d     0.0000     0.0000     0.0000        n/a          0\n");
  }

  @Test
  void writeAllWritesEveryArtefactAndDecodablePlots() throws IOException {
    CrossValidationResult cv =
        new CrossValidationResult(List.of(EvaluationTest.animals(), EvaluationTest.sparse()));
    EvaluationReport.writeAll(EvaluationTest.animals(), Optional.of(curve()), Optional.of(cv), dir);

    assertThat(dir.resolve("evaluation.json")).isNotEmptyFile();
    assertThat(dir.resolve("cross-validation.json")).isNotEmptyFile();
    // accuracy folds 5/8 and 3/5: mean 0.6125, std 0.0125.
    assertThat(dir.resolve("report.txt"))
        .content()
        .contains("confusion matrix")
        .contains("cross-validation, 2 folds")
        .contains("accuracy  0.6125 ± 0.0125");
    for (String png : List.of("confusion-matrix.png", "roc.png", "training-curves.png")) {
      assertIsNonBlankChart(dir.resolve(png));
    }
  }

  @Test
  void writeAllSkipsTrainingCurvesAndCrossValidationWhenAbsent() throws IOException {
    EvaluationReport.writeAll(EvaluationTest.sparse(), Optional.empty(), Optional.empty(), dir);

    assertIsNonBlankChart(dir.resolve("confusion-matrix.png"));
    assertIsNonBlankChart(dir.resolve("roc.png"));
    assertThat(dir.resolve("training-curves.png")).doesNotExist();
    assertThat(dir.resolve("cross-validation.json")).doesNotExist();
    assertThat(dir.resolve("report.txt")).content().doesNotContain("cross-validation");
  }

  private static void assertIsNonBlankChart(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as(png.toString()).isNotNull();
    assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours).as(png + " distinct colours").hasSizeGreaterThan(10);
  }
}
