package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules for short clips and unsure languages, on the real tiny model. */
class GuardsTest {

  @Test
  void noTimestampPastTheEndOfTheAudioCanBeChosen() {
    WhisperConfig config = Models.tiny().config();
    var filters = new LogitFilters(config, DecodingOptions.defaults());
    int begin = config.tokens().timestampBegin();
    float[] logits = new float[config.vocabularySize()];
    Arrays.fill(logits, 1f);
    // After an opening <|0.00|> and a word: the closing timestamp is being chosen.
    List<Integer> sampled = new ArrayList<>(List.of(begin, 1000));

    filters.apply(logits, sampled, 50); // 1.00 s of audio

    assertThat(logits[begin + 50]).as("<|1.00|>").isFinite();
    assertThat(logits[begin + 51]).as("<|1.02|>").isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(logits[logits.length - 1]).as("<|30.00|>").isEqualTo(Float.NEGATIVE_INFINITY);
  }

  @Test
  void theTokenBudgetGrowsWithTheAudioUpToTheCap() {
    Guards guards = Guards.defaults();

    assertThat(guards.tokenBudget(0.5, 224)).isEqualTo(11); // 8 + 6 * 0.5
    assertThat(guards.tokenBudget(10, 224)).isEqualTo(68);
    assertThat(guards.tokenBudget(30, 100)).isEqualTo(100);
    assertThat(Guards.none().tokenBudget(0.5, 224)).isEqualTo(224);
  }

  @Test
  void onlyShortWindowsGetAShorterEncoderWindow() {
    Guards guards = Guards.defaults();

    assertThat(guards.encoderSeconds(0.4, 30)).isEqualTo(20);
    assertThat(guards.encoderSeconds(2.9, 30)).isEqualTo(20);
    assertThat(guards.encoderSeconds(3.0, 30)).isEqualTo(30);
    assertThat(guards.encoderSeconds(11, 30)).isEqualTo(30);
    assertThat(Guards.none().encoderSeconds(0.4, 30)).isEqualTo(30);
    assertThatThrownBy(() -> new Guards(false, 6, 8, 3.0, 1, true, 2, false, List.of(), 0.5, "en"))
        .as("a window shorter than the audio it must hold")
        .hasMessageContaining("shortWindowSeconds must be 0 or between shortSeconds (3.0) and 30");
  }

  @Test
  void aShortWindowStopsAtItsBudget() {
    float[] twoSeconds = Arrays.copyOf(Models.jfk(), 32_000);
    var tight = new Guards(true, 1, 2, 3.0, 1, false, 0, false, List.of(), 0.5, "en");

    Transcription result =
        new Transcriber(Models.tiny(), DecodingOptions.defaults().withGuards(tight))
            .transcribe(new AudioWindow(twoSeconds, 0));

    // 2 + 1 * 2 s: four tokens, timestamps included, where "And so my fellow" alone takes more.
    assertThat(result.tokens()).isLessThanOrEqualTo(4);
    assertThat(result.segments()).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(2.0));
  }

  @Test
  void detectionPicksOnlyFromTheExpectedLanguages() {
    var germanOrEnglish =
        new Guards(true, 6, 8, 3.0, 5, false, 0, false, List.of("de", "en"), 0, null);

    Transcription result =
        new Transcriber(Models.tiny(), DecodingOptions.defaults().withGuards(germanOrEnglish))
            .transcribe(new AudioWindow(Models.resource("speech/french.wav"), 0));

    assertThat(result.language()).isIn("de", "en");
  }

  @Test
  void anUnsureDetectionTakesTheRecordingsLanguageElseTheFallback() {
    // p(fr) is 0.67 for this clip with tiny: a threshold of 0.99 makes it unsure.
    var unsure = new Guards(true, 6, 8, 3.0, 5, false, 0, false, List.of(), 0.99, "en");
    var transcriber = new Transcriber(Models.tiny(), DecodingOptions.defaults().withGuards(unsure));
    float[] french = Models.resource("speech/french.wav");

    assertThat(transcriber.transcribe(new AudioWindow(french, 0)).language()).isEqualTo("en");
    assertThat(transcriber.transcribe(new AudioWindow(french, 0, "de")).language()).isEqualTo("de");
    var sure = new Guards(true, 6, 8, 3.0, 5, false, 0, false, List.of(), 0.3, "en");
    assertThat(
            new Transcriber(Models.tiny(), DecodingOptions.defaults().withGuards(sure))
                .transcribe(new AudioWindow(french, 0, "de"))
                .language())
        .as(Models.on("a sure detection keeps its own language"))
        .isEqualTo("fr");
  }

  @Test
  void anExpectedLanguageTheModelDoesNotKnowIsRefusedByName() {
    var klingon = new Guards(true, 6, 8, 3.0, 5, false, 0, false, List.of("tlh"), 0.5, "en");

    assertThatThrownBy(
            () -> new Transcriber(Models.tiny(), DecodingOptions.defaults().withGuards(klingon)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tlh'");
  }

  @Test
  void onlyShortWindowsLongEnoughToHoldAWordHaveTheDetectorsSilenceDoubted() {
    Guards defaults = Guards.defaults();

    assertThat(defaults.doubtsSilence(1.0, 0.25)).isTrue();
    assertThat(defaults.doubtsSilence(0.1, 0.25)).as("shorter than any speech").isFalse();
    assertThat(defaults.doubtsSilence(5.0, 0.25)).as("long enough for the detector").isFalse();
    assertThat(Guards.none().doubtsSilence(1.0, 0.25)).isFalse();
  }
}
