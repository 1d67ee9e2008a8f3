package dev.earshot.classify.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.FeatureSettings;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingAudio;
import dev.earshot.classify.train.TrainingData;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Leaving out ALSA's recordings or freedesktop's: speech against sounds, real files. */
class LeaveOneSourceOutTest {

  private static final Featurizer HANDCRAFTED =
      new Featurizer(new FeatureExtractor(FeatureSettings.DEFAULT), Optional.empty());

  @Test
  void eachFamilyIsTestedOnceByAModelThatNeverSawIt() throws IOException {
    List<LabelledAudio> items = TrainingAudio.speechAndSounds();
    List<String> families = families(items);

    LeaveOneSourceOut.Result result = run(items, families, Set.of());

    long alsa = families.stream().filter("alsa"::equals).count();
    assertThat(result.folds())
        .extracting(LeaveOneSourceOut.Fold::family)
        .containsExactly("alsa", "freedesktop");
    assertThat(result.folds().get(0).clips()).isEqualTo(alsa);
    assertThat(result.folds().get(1).clips()).isEqualTo(items.size() - alsa);
    assertThat(result.pooled().n()).isEqualTo(items.size());
    assertThat(result.folds().get(0).labels()).containsKeys("speech", "sound");
    // The pooled figures are the folds' predictions taken together.
    int correct = result.folds().get(0).correct() + result.folds().get(1).correct();
    assertThat(result.pooled().accuracy()).isCloseTo((double) correct / items.size(), within(1e-9));
    assertThat(result.worst().accuracy())
        .isEqualTo(Math.min(result.folds().get(0).accuracy(), result.folds().get(1).accuracy()));
    assertThat(result.text())
        .contains("pooled: " + items.size() + " clips")
        .contains("worst family");
  }

  @Test
  void clipsMadeFromAFamilyAreHeldOutWithItButNotScored() throws IOException {
    List<LabelledAudio> items = TrainingAudio.speechAndSounds();
    List<String> families = families(items);
    List<Boolean> scored =
        items.stream().map(i -> !i.file().getFileName().toString().equals("Noise.wav")).toList();

    LeaveOneSourceOut.Result result =
        LeaveOneSourceOut.run(
            items,
            families,
            scored,
            Set.of(),
            HANDCRAFTED,
            Variant.of("logistic"),
            new TrainingData.Settings(FeatureSet.HANDCRAFTED, 0.7, 0.1, 0, 5),
            Experiments.defaults(Variant.of("logistic").type(), 5, 1),
            i -> {});

    long alsa = families.stream().filter("alsa"::equals).count();
    assertThat(result.folds().get(0).family()).isEqualTo("alsa");
    assertThat(result.folds().get(0).clips()).isEqualTo(alsa - 1);
    assertThat(result.pooled().n()).isEqualTo(items.size() - 1);
  }

  @Test
  void trainingOnlyFamiliesAreNeverHeldOutOrScored() throws IOException {
    List<LabelledAudio> items = TrainingAudio.speechAndSounds();
    List<String> families = families(items);

    LeaveOneSourceOut.Result result = run(items, families, Set.of("freedesktop"));

    assertThat(result.folds()).extracting(LeaveOneSourceOut.Fold::family).containsExactly("alsa");
    assertThat(result.pooled().n())
        .isEqualTo((int) families.stream().filter("alsa"::equals).count());
    assertThatThrownBy(() -> run(items, families.subList(1, families.size()), Set.of()))
        .hasMessageContaining("for " + items.size() + " items");
  }

  private static LeaveOneSourceOut.Result run(
      List<LabelledAudio> items, List<String> families, Set<String> trainingOnly)
      throws IOException {
    return LeaveOneSourceOut.run(
        items,
        families,
        java.util.Collections.nCopies(families.size(), true),
        trainingOnly,
        HANDCRAFTED,
        Variant.of("logistic"),
        new TrainingData.Settings(FeatureSet.HANDCRAFTED, 0.7, 0.1, 0, 5),
        Experiments.defaults(Variant.of("logistic").type(), 5, 1),
        i -> {});
  }

  private static List<String> families(List<LabelledAudio> items) {
    return items.stream()
        .map(i -> i.file().toString().contains("freedesktop") ? "freedesktop" : "alsa")
        .toList();
  }
}
