package dev.earshot.classify.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares Evaluation with scikit-learn on the cases in golden/golden.json, produced by
 * golden/make_golden.py next to it.
 */
class GoldenSklearnTest {

  private static final Offset<Double> CLOSE = within(1e-12);

  static Stream<Named<JsonNode>> cases() throws IOException {
    try (InputStream in = GoldenSklearnTest.class.getResourceAsStream("golden/golden.json")) {
      assertThat(in).as("golden/golden.json on the test classpath").isNotNull();
      JsonNode root = new ObjectMapper().readTree(in);
      assertThat(root.get("generator").asText()).startsWith("scikit-learn");
      List<Named<JsonNode>> cases = new ArrayList<>();
      root.get("cases").forEach(c -> cases.add(Named.of(c.get("name").asText(), c)));
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void metricsAgreeWithScikitLearn(JsonNode c) {
    List<String> labels = new ArrayList<>();
    c.get("labels").forEach(l -> labels.add(l.asText()));
    int[] truth = ints(c.get("truth"));
    double[][] probabilities = new double[truth.length][];
    for (int i = 0; i < truth.length; i++) {
      probabilities[i] = doubles(c.get("probabilities").get(i));
    }
    JsonNode x = c.get("expected");
    String name = c.get("name").asText();

    Evaluation e = Evaluation.of(labels, truth, probabilities);

    assertThat(e.accuracy()).as(name + " accuracy").isCloseTo(x.get("accuracy").asDouble(), CLOSE);
    assertThat(e.top3Accuracy())
        .as(name + " top3")
        .isCloseTo(x.get("top3Accuracy").asDouble(), CLOSE);
    int[][] confusion = new int[labels.size()][];
    for (int t = 0; t < labels.size(); t++) {
      confusion[t] = ints(x.get("confusionMatrix").get(t));
    }
    assertThat(e.confusionMatrix()).as(name + " confusion").isDeepEqualTo(confusion);
    for (int k = 0; k < labels.size(); k++) {
      ClassMetrics m = e.perClass().get(k);
      String what = name + " " + m.label();
      assertThat(m.precision())
          .as(what + " precision")
          .isCloseTo(x.get("precision").get(k).asDouble(), CLOSE);
      assertThat(m.recall())
          .as(what + " recall")
          .isCloseTo(x.get("recall").get(k).asDouble(), CLOSE);
      assertThat(m.f1()).as(what + " f1").isCloseTo(x.get("f1").get(k).asDouble(), CLOSE);
      assertThat(m.support()).as(what + " support").isEqualTo(x.get("support").get(k).asInt());
      assertNullableClose(what + " auc", m.rocAuc(), x.get("rocAuc").get(k));
      JsonNode curve = x.get("rocCurves").get(k);
      RocCurve actual = e.rocCurves().get(k);
      if (curve.isNull()) {
        assertThat(actual.size()).as(what + " curve").isZero();
      } else {
        assertThat(actual.fpr())
            .as(what + " fpr")
            .containsExactly(doubles(curve.get("fpr")), CLOSE);
        assertThat(actual.tpr())
            .as(what + " tpr")
            .containsExactly(doubles(curve.get("tpr")), CLOSE);
        double[] thresholds = actual.thresholds();
        assertThat(thresholds[0]).isEqualTo(Double.POSITIVE_INFINITY);
        for (int i = 1; i < thresholds.length; i++) {
          assertThat(thresholds[i]).isCloseTo(curve.get("thresholds").get(i).asDouble(), CLOSE);
        }
      }
    }
    assertAverages(name + " macro", e.macro(), x.get("averages").get("macro"));
    assertAverages(name + " micro", e.micro(), x.get("averages").get("micro"));
    assertAverages(name + " weighted", e.weighted(), x.get("averages").get("weighted"));
    assertNullableClose(name + " macro auc", e.macroRocAuc(), x.get("macroRocAuc"));
    assertThat(e.minorityRecall()).isCloseTo(x.get("minorityRecall").asDouble(), CLOSE);
    assertThat(e.majorityRecall()).isCloseTo(x.get("majorityRecall").asDouble(), CLOSE);
  }

  private static void assertAverages(String what, Averages actual, JsonNode expected) {
    assertThat(actual.precision())
        .as(what + " precision")
        .isCloseTo(expected.get("precision").asDouble(), CLOSE);
    assertThat(actual.recall())
        .as(what + " recall")
        .isCloseTo(expected.get("recall").asDouble(), CLOSE);
    assertThat(actual.f1()).as(what + " f1").isCloseTo(expected.get("f1").asDouble(), CLOSE);
  }

  private static void assertNullableClose(String what, double actual, JsonNode expected) {
    if (expected.isNull()) {
      assertThat(actual).as(what).isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo(expected.asDouble(), CLOSE);
    }
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
