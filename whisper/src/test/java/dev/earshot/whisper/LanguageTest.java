package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

  @Test
  void frenchSpeechIsDetectedAsFrench() {
    Transcription result =
        new Transcriber(Models.tiny(), DecodingOptions.defaults())
            .transcribe(new AudioWindow(Models.resource("speech/french.wav"), 0));

    assertThat(result.language()).isEqualTo("fr");
    assertThat(result.languageProbability()).isGreaterThan(0.3);
  }

  @Test
  void germanSpeechIsDetectedAsGermanAndKeepsItsUmlauts() {
    Transcription result =
        new Transcriber(Models.base(), DecodingOptions.defaults())
            .transcribe(new AudioWindow(Models.resource("speech/german.wav"), 0));

    assertThat(result.language()).isEqualTo("de");
    assertThat(result.languageProbability()).isGreaterThan(0.5);
    assertThat(result.text()).contains("Berlin").containsPattern("[äöüß]");
  }

  @Test
  void aForcedLanguageIsUsedWithoutDetection() {
    Transcription result =
        new Transcriber(Models.base(), DecodingOptions.defaults().withLanguage("fr"))
            .transcribe(new AudioWindow(Models.resource("speech/french.wav"), 0));

    assertThat(result.language()).isEqualTo("fr");
    assertThat(result.languageProbability()).isNull();
    assertThat(result.text()).contains("Paris");
  }

  @Test
  void translationGivesEnglishInsteadOfTheSpokenLanguage() {
    var translate =
        DecodingOptions.defaults().withTask(DecodingOptions.Task.TRANSLATE).withLanguage("de");
    Transcription result =
        new Transcriber(Models.base(), translate)
            .transcribe(new AudioWindow(Models.resource("speech/german.wav"), 0));

    assertThat(result.text()).isNotBlank().doesNotContain("Guten", "heute", "Heute", "und");
    assertThat(result.text()).matches("[\\p{ASCII}]+");
  }
}
