package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Language detection and forced languages on synthesised French and German (espeak-ng). Measured
 * p(fr) 0.67 with tiny and p(de) 0.83 with base; kernel noise moves such probabilities by a few
 * hundredths (p(en) for JFK: 0.870 to 0.878 across processors), so the bounds sit far below, and a
 * language mix-up would pick another code anyway.
 */
class LanguageTest {

  @Test
  void frenchSpeechIsDetectedAsFrench() {
    Transcription result =
        new Transcriber(Models.tiny(), DecodingOptions.defaults())
            .transcribe(new AudioWindow(Models.resource("speech/french.wav"), 0));

    assertThat(result.language())
        .as(Models.on("language of '" + result.text() + "'"))
        .isEqualTo("fr");
    assertThat(result.languageProbability()).as(Models.on("p(fr)")).isGreaterThan(0.3);
  }

  @Test
  void germanSpeechIsDetectedAsGermanAndKeepsItsUmlauts() {
    Transcription result =
        new Transcriber(Models.base(), DecodingOptions.defaults())
            .transcribe(new AudioWindow(Models.resource("speech/german.wav"), 0));

    assertThat(result.language())
        .as(Models.on("language of '" + result.text() + "'"))
        .isEqualTo("de");
    assertThat(result.languageProbability()).as(Models.on("p(de)")).isGreaterThan(0.5);
    assertThat(result.text())
        .as(Models.on("the text"))
        .contains("Berlin")
        .containsPattern("[äöüß]");
  }

  @Test
  void aForcedLanguageIsUsedWithoutDetection() {
    Transcription result =
        new Transcriber(Models.base(), DecodingOptions.defaults().withLanguage("fr"))
            .transcribe(new AudioWindow(Models.resource("speech/french.wav"), 0));

    assertThat(result.language()).isEqualTo("fr");
    assertThat(result.languageProbability()).isNull();
    assertThat(result.text()).as(Models.on("the text")).contains("Paris");
  }

  @Test
  void translationGivesEnglishInsteadOfTheSpokenLanguage() {
    var translate =
        DecodingOptions.defaults().withTask(DecodingOptions.Task.TRANSLATE).withLanguage("de");
    Transcription result =
        new Transcriber(Models.base(), translate)
            .transcribe(new AudioWindow(Models.resource("speech/german.wav"), 0));

    assertThat(result.text())
        .as(Models.on("the translation"))
        .isNotBlank()
        .doesNotContain("Guten", "heute", "Heute", "und")
        .matches("[\\p{ASCII}]+");
  }
}
