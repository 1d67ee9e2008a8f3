package dev.earshot.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.assets.AssetCache;
import dev.earshot.audio.Signals;
import dev.earshot.classify.TestAudio;
import dev.earshot.classify.model.ClassifierArtifact;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped sound-type model and a zero-shot classifier, side by side, on real recordings. */
class BuiltinClassifiersTest {

  @TempDir Path cache;

  @Test
  void theBuiltinModelIsCopiedOutOnceAndCheckedLikeAnyArtifact() throws Exception {
    Path folder = BuiltinModels.materialise("sound-type", cache);

    assertThat(ClassifierArtifact.read(folder).labels())
        .containsExactly("music", "other", "speech");
    assertThat(folder.resolve("model.onnx")).isNotEmptyFile();
    assertThat(BuiltinModels.materialise("sound-type", cache)).isEqualTo(folder);
    assertThatThrownBy(() -> BuiltinModels.materialise("no-such-model", cache))
        .hasMessageContaining("no built-in classifier 'no-such-model'");
  }

  @Test
  void classifiersRunSideBySideOnOneChunkWithFeaturesComputedOnce() throws Exception {
    AssetCache shared = AssetCache.atDefaultLocation();
    List<ClassifierSpec> specs =
        List.of(
            ClassifierSpec.trained("sound-type", "builtin:sound-type"),
            ClassifierSpec.zeroShot("channel", List.of("front left", "rear right"), "en"));
    try (ClassifierSet set = ClassifierSet.open(specs, "tiny", 0, shared)) {
      ChunkClassification classification = set.classification();

      var speech =
          classification.classify(TestAudio.load(TestAudio.alsa().resolve("Front_Left.wav")));
      var bell =
          classification.classify(TestAudio.load(TestAudio.freedesktop().resolve("bell.oga")));
      var tone = classification.classify(Signals.sine(440, 16_000, 3 * 16_000, 0.3));

      assertThat(speech.predictions())
          .extracting(Prediction::classifier)
          .containsExactly("sound-type", "channel");
      // Measured p(speech) > 0.9999 for the word, < 1e-6 for the bell and the tone, and p(front
      // left) > 0.99999: far from any decision a processor's kernels could tip.
      assertThat(speech.predictions().get(0).label())
          .as(TestAudio.on("sound type of a spoken word"))
          .isEqualTo("speech");
      assertThat(speech.predictions().get(1).label())
          .as(TestAudio.on("zero-shot channel"))
          .isEqualTo("front left");
      assertThat(bell.predictions().get(0).label())
          .as(TestAudio.on("sound type of a bell"))
          .isNotEqualTo("speech");
      assertThat(tone.predictions().get(0).label())
          .as(TestAudio.on("sound type of a tone"))
          .isNotEqualTo("speech");
      assertThat(speech.features().summary().names())
          .isEqualTo(
              new dev.earshot.classify.features.FeatureExtractor(
                      dev.earshot.classify.features.FeatureSettings.DEFAULT)
                  .featureNames());
      assertThat(speech.featureMs()).isPositive();
      assertThat(speech.predictions().get(0).model().id()).isEqualTo("sound-type/mlp-whisper");
      assertThat(speech.predictions().get(0).model().version()).startsWith("sha256:");
    }
  }

  @Test
  void theDigitsSpotterJudgesALongChunkOnItsLoudestStretch() throws Exception {
    AssetCache shared = AssetCache.atDefaultLocation();
    float[] five = TestAudio.load(TestAudio.scid().resolve("5.wav"));
    // 25 s of silence but for the word at 18 s: only the loudest 10 s is encoded.
    float[] chunk = new float[25 * 16_000];
    System.arraycopy(five, 0, chunk, 18 * 16_000, five.length);
    try (ClassifierSet set =
        ClassifierSet.open(
            List.of(ClassifierSpec.trained("digits", "builtin:digits")), "tiny", 0, shared)) {
      Prediction digits = set.classification().classify(chunk).predictions().get(0);

      assertThat(digits.label()).as(TestAudio.on("a five among silence")).isEqualTo("five");
      assertThat(digits.model().id()).isEqualTo("word-spotter/openai/whisper-tiny");
      assertThat(digits.ranked()).hasSize(12);
    }
  }
}
