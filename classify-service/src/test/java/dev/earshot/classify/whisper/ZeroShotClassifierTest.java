package dev.earshot.classify.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.classify.TestAudio;
import dev.earshot.whisper.WhisperModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroShotClassifierTest {

  private static final List<String> ALSA_WORDS =
      List.of(
          "front center",
          "front left",
          "front right",
          "rear center",
          "rear left",
          "rear right",
          "side left",
          "side right");

  private static final WhisperModel model = TestAudio.tiny();
  private static final Path alsa = TestAudio.alsa();

  @Test
  void picksTheSpokenPhraseOfRealRecordingsWithoutTraining() throws IOException {
    ZeroShotClassifier classifier = new ZeroShotClassifier(model, "en", ALSA_WORDS);
    int correct = 0;
    for (String words : ALSA_WORDS) {
      String file =
          capitalise(words.split(" ")[0]) + "_" + capitalise(words.split(" ")[1]) + ".wav";
      float[] samples = TestAudio.load(alsa.resolve(file));
      ZeroShotClassifier.Scores scores = classifier.classify(samples);
      int best = argmax(scores.probabilities());
      if (scores.candidates().get(best).equals(words)) {
        correct++;
      }
      assertThat(sum(scores.probabilities()))
          .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
    // Measured 8 of 8, each with p > 0.999 on every processor tried.
    assertThat(correct).as(TestAudio.on("ALSA words recognised")).isGreaterThanOrEqualTo(7);
  }

  @Test
  void scoresALongUtteranceAgainstDistractors() throws IOException {
    float[] jfk = TestAudio.load(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV));
    ZeroShotClassifier classifier =
        new ZeroShotClassifier(
            model,
            "en",
            List.of(
                "And so my fellow Americans, ask not what your country can do for you, ask what"
                    + " you can do for your country",
                "I have a dream that one day this nation will rise up",
                "pay my bill"));

    ZeroShotClassifier.Scores scores = classifier.classify(jfk);

    assertThat(argmax(scores.probabilities())).isZero();
    // Measured 0.9999995.
    assertThat(scores.probabilities()[0])
        .as(TestAudio.on("p(the spoken sentence)"))
        .isGreaterThan(0.99);
  }

  @Test
  void rejectsDuplicateAndTooFewCandidates() {
    assertThatThrownBy(() -> new ZeroShotClassifier(model, "en", List.of("yes")))
        .hasMessageContaining("at least two");
    assertThatThrownBy(() -> new ZeroShotClassifier(model, "en", List.of("yes", "yes")))
        .hasMessageContaining("'yes' appears twice");
    assertThatThrownBy(() -> new ZeroShotClassifier(model, "xx", List.of("yes", "no")))
        .hasMessageContaining("language 'xx'");
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
