package dev.earshot.ingest.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptionFormTest {

  @Test
  void openAisDefaultsAreJsonWithTheWorkersSettings() throws Exception {
    var form = TranscriptionForm.parse(false, "whisper-1", null, null, null, null, null);

    assertThat(form.model()).isEqualTo("whisper-1");
    assertThat(form.format()).isEqualTo(ResponseFormat.JSON);
    assertThat(form.wishes().isEmpty()).isTrue();
    assertThat(form.words()).isFalse();
  }

  @Test
  void languagePromptTemperatureAndWordTimesBecomeTheRecordingsWishes() throws Exception {
    var form =
        TranscriptionForm.parse(
            false,
            "whisper-1",
            " DE ",
            "Grüß Gott.",
            "verbose_json",
            "0.4",
            List.of("word", "segment"));

    assertThat(form.wishes().language()).isEqualTo("de");
    assertThat(form.wishes().prompt()).isEqualTo("Grüß Gott.");
    assertThat(form.wishes().temperature()).isEqualTo(0.4f);
    assertThat(form.wishes().task()).isNull();
    assertThat(form.format()).isEqualTo(ResponseFormat.VERBOSE_JSON);
    assertThat(form.words()).isTrue();
  }

  @Test
  void aTranslationAsksForTheTranslateTask() throws Exception {
    var form = TranscriptionForm.parse(true, "whisper-1", null, null, "text", null, List.of());

    assertThat(form.wishes().task()).isEqualTo("translate");
    assertThat(form.format()).isEqualTo(ResponseFormat.TEXT);
  }

  @Test
  void eachBadFieldIsNamed() {
    assertThatThrownBy(() -> TranscriptionForm.parse(false, " ", null, null, null, null, null))
        .isInstanceOfSatisfying(
            TranscriptionForm.Invalid.class, e -> assertThat(e.param()).isEqualTo("model"));
    assertThatThrownBy(() -> TranscriptionForm.parse(false, "m", null, null, "docx", null, null))
        .isInstanceOfSatisfying(
            TranscriptionForm.Invalid.class,
            e -> {
              assertThat(e.param()).isEqualTo("response_format");
              assertThat(e.getMessage()).contains("docx").contains("verbose_json");
            });
    assertThatThrownBy(() -> TranscriptionForm.parse(false, "m", null, null, null, "hot", null))
        .isInstanceOfSatisfying(
            TranscriptionForm.Invalid.class, e -> assertThat(e.param()).isEqualTo("temperature"));
    assertThatThrownBy(() -> TranscriptionForm.parse(false, "m", null, null, null, "1.5", null))
        .isInstanceOfSatisfying(
            TranscriptionForm.Invalid.class, e -> assertThat(e.param()).isEqualTo("temperature"));
    assertThatThrownBy(() -> TranscriptionForm.parse(false, "m", "english", null, null, null, null))
        .isInstanceOfSatisfying(
            TranscriptionForm.Invalid.class, e -> assertThat(e.param()).isEqualTo("language"));
    assertThatThrownBy(
            () -> TranscriptionForm.parse(false, "m", null, null, "json", null, List.of("word")))
        .isInstanceOfSatisfying(
            TranscriptionForm.Invalid.class,
            e -> {
              assertThat(e.param()).isEqualTo("timestamp_granularities");
              assertThat(e.getMessage()).contains("verbose_json");
            });
    assertThatThrownBy(
            () ->
                TranscriptionForm.parse(
                    false, "m", null, null, "verbose_json", null, List.of("syllable")))
        .isInstanceOfSatisfying(
            TranscriptionForm.Invalid.class,
            e -> assertThat(e.param()).isEqualTo("timestamp_granularities"));
  }
}
