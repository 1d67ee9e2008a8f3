package dev.earshot.ingest.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schema.result.ServedModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedModelsTest {

  static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");

  static ServedModel model(String id, Instant at) {
    return new ServedModel(id, "sha256:1", "abc", List.of("en", "de"), true, at.toString(), false);
  }

  final ServedModels models =
      new ServedModels(Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void theDefaultAliasNamesTheModelServedAndItsShortNameDoesToo() {
    models.offer(model("openai/whisper-tiny", NOW.minusSeconds(60)));

    assertThat(models.resolve("whisper-1", "whisper-1"))
        .map(ServedModel::id)
        .hasValue("openai/whisper-tiny");
    assertThat(models.resolve("whisper-tiny", "whisper-1")).isPresent();
    assertThat(models.resolve("openai/whisper-tiny", "whisper-1")).isPresent();
    assertThat(models.resolve("whisper-large", "whisper-1")).isEmpty();
  }

  @Test
  void aModelNoWorkerAnnouncedForTheTtlIsNoLongerServed() {
    models.offer(model("openai/whisper-tiny", NOW.minus(Duration.ofMinutes(31))));
    models.offer(model("openai/whisper-base", NOW.minus(Duration.ofMinutes(5))));

    assertThat(models.current()).extracting(ServedModel::id).containsExactly("openai/whisper-base");
    assertThat(models.resolve("whisper-1", "whisper-1"))
        .map(ServedModel::id)
        .hasValue("openai/whisper-base");
  }

  @Test
  void anOlderAnnouncementReadLaterDoesNotReplaceANewerOne() {
    models.offer(model("openai/whisper-tiny", NOW.minusSeconds(10)));
    models.offer(model("openai/whisper-tiny", NOW.minus(Duration.ofHours(2))));

    assertThat(models.current()).hasSize(1);
  }
}
