package dev.earshot.stt.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schema.TranscriptionRequest;
import dev.earshot.whisper.DecodingOptions;
import dev.earshot.whisper.Guards;
import org.junit.jupiter.api.Test;

class WishesTest {

  static final DecodingOptions WORKER = DecodingOptions.defaults().withGuards(Guards.defaults());

  @Test
  void aChunkWithoutARequestKeepsTheWorkersSettings() {
    assertThat(Wishes.of(null).isEmpty()).isTrue();
    assertThat(Wishes.NONE.apply(WORKER)).isSameAs(WORKER);
  }

  @Test
  void languageAndTaskReplaceTheWorkersAndTheRestStays() {
    var request = TranscriptionRequest.newBuilder().setTask("translate").setLanguage("de").build();

    DecodingOptions options = Wishes.of(request).apply(WORKER);

    assertThat(options.task()).isEqualTo(DecodingOptions.Task.TRANSLATE);
    assertThat(options.language()).isEqualTo("de");
    assertThat(options.temperatures()).containsExactly(WORKER.temperatures());
    assertThat(options.beamSize()).isEqualTo(WORKER.beamSize());
    assertThat(options.guards()).isEqualTo(WORKER.guards());
  }

  @Test
  void aTemperatureAboveZeroIsTheOnlyOneTriedAndZeroKeepsTheFallback() {
    assertThat(new Wishes(null, null, null, 0.6f).apply(WORKER).temperatures())
        .containsExactly(0.6000000238418579);
    assertThat(new Wishes(null, null, null, 0f).apply(WORKER).temperatures())
        .containsExactly(WORKER.temperatures());
  }

  @Test
  void aPromptBecomesTheInitialPrompt() {
    assertThat(new Wishes(null, null, "Kennedy, 1961.", null).apply(WORKER).initialPrompt())
        .isEqualTo("Kennedy, 1961.");
    assertThat(WORKER.initialPrompt()).isNull();
  }

  @Test
  void wishesChangeTheTranscriptsSettingsDescription() {
    assertThat(new Wishes("translate", null, null, null).describe())
        .isNotEqualTo(new Wishes(null, null, null, null).describe())
        .contains("task=translate");
  }
}
