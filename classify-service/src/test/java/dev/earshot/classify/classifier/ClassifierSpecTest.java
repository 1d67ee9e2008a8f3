package dev.earshot.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassifierSpecTest {

  @Test
  void aClassifierNeedsExactlyOneOfAModelOrCandidates() {
    assertThatThrownBy(
            () -> new ClassifierSpec("x", Optional.of("builtin:digits"), List.of("a", "b"), "en"))
        .hasMessageContaining("has both");
    assertThatThrownBy(() -> new ClassifierSpec("x", Optional.empty(), List.of(), "en"))
        .hasMessageContaining("has neither");
  }

  @Test
  void badNamesCandidatesAndLanguagesAreNamedInTheError() {
    assertThatThrownBy(() -> ClassifierSpec.trained("Sound Type", "builtin:sound-type"))
        .hasMessageContaining("'Sound Type'");
    assertThatThrownBy(() -> ClassifierSpec.zeroShot("c", List.of("yes"), "en"))
        .hasMessageContaining("at least two");
    assertThatThrownBy(() -> ClassifierSpec.zeroShot("c", List.of("yes", "no", "yes"), "en"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> ClassifierSpec.zeroShot("c", List.of("yes", "no"), "english"))
        .hasMessageContaining("'english'");
  }

  @Test
  void candidatesAreTrimmedAndBuiltinsRecognised() {
    ClassifierSpec spec = ClassifierSpec.zeroShot("c", List.of(" yes ", "no", " "), "en");
    assertThat(spec.zeroShot()).containsExactly("yes", "no");
    assertThat(ClassifierSpec.trained("d", "builtin:digits").builtin()).isTrue();
    assertThat(ClassifierSpec.trained("d", "/models/digits").builtin()).isFalse();
  }

  @Test
  void predictionsRankLabelsMostProbableFirst() {
    Prediction p =
        Prediction.of(
            "t", new ModelId("m", "v"), List.of("a", "b", "c"), new double[] {0.2, 0.5, 0.3}, 1);
    assertThat(p.label()).isEqualTo("b");
    assertThat(p.confidence()).isEqualTo(0.5);
    assertThat(p.top(2)).extracting(LabelScore::label).containsExactly("b", "c");
    assertThat(p.top(9)).hasSize(3);
    assertThatThrownBy(
            () ->
                Prediction.of("t", new ModelId("m", "v"), List.of("a"), new double[] {0.5, 0.5}, 1))
        .hasMessageContaining("2 probabilities for 1 labels");
  }
}
