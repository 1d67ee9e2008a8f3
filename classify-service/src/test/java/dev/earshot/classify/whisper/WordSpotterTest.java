package dev.earshot.classify.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import dev.earshot.classify.TestAudio;
import dev.earshot.whisper.WhisperModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The digits spotter on real voices: Scid's chess announcer (a voice the spotter's bounds were not
 * tuned on alone: they were chosen leaving each source out), ALSA's and freedesktop's recordings.
 */
class WordSpotterTest {

  private static final String[] DIGITS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };

  private static final WhisperModel model = TestAudio.tiny();
  private static final WhisperEmbedding embedding = new WhisperEmbedding(model);
  private static final WordSpotter digits =
      WordSpotter.digits(model, WordSpotter.Settings.DEFAULTS);

  @Test
  void hearsEachSpokenDigitOfARealVoice() {
    Path scid = TestAudio.scid();
    List<String> wrong = new ArrayList<>();
    for (int d = 1; d <= 8; d++) {
      String label = label(TestAudio.load(scid.resolve(d + ".wav")));
      if (!label.equals(DIGITS[d])) {
        wrong.add(DIGITS[d] + " heard as " + label);
      }
    }
    // Measured 8 of 8; each digit scores a log-probability above -1.7 against the bar of -5.5.
    assertThat(wrong).as(TestAudio.on("Scid's digits")).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void otherWordsOfTheSameVoiceAreNeverDigits() {
    Path scid = TestAudio.scid();
    List<String> words = List.of("King", "Queen", "Rook", "Bishop", "Knight", "Check", "Mate");
    for (String word : words) {
      // Measured: no digit on any of them (Queen comes out as silence, the rest as unknown).
      assertThat(label(TestAudio.load(scid.resolve(word + ".wav"))))
          .as(TestAudio.on("Scid's " + word))
          .isIn(WordSpotter.UNKNOWN, WordSpotter.SILENCE);
    }
  }

  @Test
  void speechIsUnknownAndSoundsWithoutWordsAreSilence() {
    assertThat(label(TestAudio.load(TestAudio.alsa().resolve("Front_Left.wav"))))
        .as(TestAudio.on("ALSA's Front Left"))
        .isEqualTo(WordSpotter.UNKNOWN);
    assertThat(label(TestAudio.load(TestAudio.alsa().resolve("Noise.wav"))))
        .as(TestAudio.on("ALSA's noise"))
        .isEqualTo(WordSpotter.SILENCE);
    assertThat(label(TestAudio.load(TestAudio.freedesktop().resolve("bell.oga"))))
        .as(TestAudio.on("freedesktop's bell"))
        .isEqualTo(WordSpotter.SILENCE);
    assertThat(label(Signals.sine(440, 16_000, 2 * 16_000, 0.3)))
        .as(TestAudio.on("a tone"))
        .isEqualTo(WordSpotter.SILENCE);
  }

  @Test
  void probabilitiesCoverEveryDigitThenUnknownAndSilence() {
    WordSpotter.Verdict verdict =
        digits.spot(embedding.encode(TestAudio.load(TestAudio.scid().resolve("5.wav"))).states());

    assertThat(digits.labels())
        .hasSize(12)
        .startsWith("zero", "one")
        .endsWith(WordSpotter.UNKNOWN, WordSpotter.SILENCE);
    assertThat(Arrays.stream(verdict.probabilities()).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(verdict.wordLogProbabilities()).hasSize(10);
    assertThat(verdict.heard()).isNotBlank();
  }

  @Test
  void settingsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> new WordSpotter.Settings(0.5, 2, 3))
        .hasMessageContaining("minLogProbability must be below 0");
    assertThatThrownBy(() -> new WordSpotter.Settings(-5, 2, 1))
        .hasMessageContaining("greedyTokens must be at least 2");
    assertThatThrownBy(
            () ->
                new WordSpotter(
                    model,
                    "en",
                    List.of(WordSpotter.Word.of("unknown")),
                    WordSpotter.Settings.DEFAULTS))
        .hasMessageContaining("'unknown' is a label of its own");
  }

  private static String label(float[] samples) {
    double[] p = digits.spot(embedding.encode(samples).states()).probabilities();
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return digits.labels().get(best);
  }
}
