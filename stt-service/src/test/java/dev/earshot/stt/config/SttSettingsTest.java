package dev.earshot.stt.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.whisper.DecodingOptions;
import dev.earshot.whisper.Guards;
import dev.earshot.whisper.SpeechDetector;
import dev.earshot.whisper.WhisperOptions;
import org.junit.jupiter.api.Test;

class SttSettingsTest {

  static SttSettings settings(WhisperOptions whisper, DecodingOptions decoding, int batch) {
    return new SttSettings(
        "tiny", whisper, decoding, new SpeechDetector.Settings(0.5, 0.25), batch);
  }

  static final DecodingOptions DEFAULTS = DecodingOptions.defaults().withGuards(Guards.defaults());

  @Test
  void theDecodingSignatureChangesWithEverySettingThatShapesTheText() {
    String base = settings(WhisperOptions.defaults(), DEFAULTS, 1).decodingSignature();

    assertThat(base).matches("[0-9a-f]{12}");
    assertThat(settings(WhisperOptions.defaults(), DEFAULTS, 1).decodingSignature())
        .as("stable")
        .isEqualTo(base);
    assertThat(settings(WhisperOptions.defaults(), DEFAULTS.withBeamSize(5), 1).decodingSignature())
        .isNotEqualTo(base);
    assertThat(
            settings(WhisperOptions.defaults(), DEFAULTS.withWordTimestamps(false), 1)
                .decodingSignature())
        .as("word timestamps move segment bounds to the words")
        .isNotEqualTo(base);
    assertThat(
            settings(WhisperOptions.defaults(), DEFAULTS.withLanguage("de"), 1).decodingSignature())
        .isNotEqualTo(base);
    assertThat(
            settings(WhisperOptions.defaults(), DEFAULTS.withTemperatures(0.0, 0.5), 1)
                .decodingSignature())
        .isNotEqualTo(base);
    assertThat(
            settings(WhisperOptions.defaults(), DEFAULTS.withGuards(Guards.none()), 1)
                .decodingSignature())
        .isNotEqualTo(base);
    assertThat(
            new SttSettings("tiny", WhisperOptions.defaults(), DEFAULTS, null, 1)
                .decodingSignature())
        .as("speech detector off")
        .isNotEqualTo(base);
  }

  @Test
  void threadsAndBatchingChangeTheSpeedNotTheSignature() {
    String base = settings(WhisperOptions.defaults(), DEFAULTS, 1).decodingSignature();

    assertThat(settings(WhisperOptions.defaults().withThreads(8), DEFAULTS, 4).decodingSignature())
        .isEqualTo(base);
  }
}
