package dev.earshot.ingest.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.RecordingStatus;
import dev.earshot.schema.result.Segment;
import dev.earshot.schema.result.Word;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiAnswersTest {

  static RecordingResult result() {
    var words = List.of(new Word(0.0, 0.4, " Ask", 0.9), new Word(0.4, 0.7, " not.", 0.8));
    return new RecordingResult(
        "talk.wav",
        "Ask not. Thank you.",
        "speech",
        0.9,
        Map.of("speech", 0.9, "music", 0.1),
        "sound-type",
        "rec-1",
        RecordingStatus.COMPLETE,
        null,
        3.0,
        1,
        1,
        0.0,
        3.0,
        "en",
        List.of(
            new Segment(0.0, 0.7, "Ask not.", words, -0.25, 0.01, 1.1, 0.0),
            new Segment(1.0, 2.0, "Thank you.", List.of(), -0.5, 0.02, 1.0, 0.2)),
        Map.of(),
        List.of(),
        List.of(),
        Map.of(),
        Map.of(),
        "2026-12-06T20:00:00Z");
  }

  @Test
  void jsonAndTextHoldTheTranscription() {
    assertThat(OpenAiAnswers.body(result(), ResponseFormat.JSON, "transcribe", false))
        .isEqualTo(Map.of("text", "Ask not. Thank you."));
    assertThat(OpenAiAnswers.body(result(), ResponseFormat.TEXT, "transcribe", false))
        .isEqualTo("Ask not. Thank you.\n");
  }

  @Test
  void subtitlesAreTheQueryApisSubtitles() {
    assertThat(OpenAiAnswers.body(result(), ResponseFormat.SRT, "transcribe", false))
        .isEqualTo(
            "1\n00:00:00,000 --> 00:00:00,700\nAsk not.\n\n2\n00:00:01,000 --> 00:00:02,000\nThank you.\n\n");
    assertThat((String) OpenAiAnswers.body(result(), ResponseFormat.VTT, "transcribe", false))
        .startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:00.700\nAsk not.\n");
  }

  @Test
  @SuppressWarnings("unchecked")
  void verboseJsonHasOpenAisSegmentFieldsWordsOnRequestAndTheClassification() {
    var body =
        (Map<String, Object>)
            OpenAiAnswers.body(result(), ResponseFormat.VERBOSE_JSON, "transcribe", true);

    assertThat(body).containsEntry("task", "transcribe").containsEntry("language", "english");
    assertThat(body).containsEntry("duration", 3.0).containsEntry("text", "Ask not. Thank you.");
    var segments = (List<Map<String, Object>>) body.get("segments");
    assertThat(segments).hasSize(2);
    assertThat(segments.get(1))
        .containsEntry("id", 1)
        .containsEntry("start", 1.0)
        .containsEntry("end", 2.0)
        .containsEntry("text", " Thank you.")
        .containsEntry("avg_logprob", -0.5)
        .containsEntry("no_speech_prob", 0.02)
        .containsEntry("compression_ratio", 1.0)
        .containsEntry("temperature", 0.2);
    assertThat((List<Map<String, Object>>) body.get("words"))
        .extracting(w -> w.get("word"))
        .containsExactly("Ask", "not.");
    var earshot = (Map<String, Object>) body.get("earshot");
    assertThat(earshot)
        .containsEntry("recording_id", "rec-1")
        .containsEntry("predicted_label", "speech");

    var withoutWords =
        (Map<String, Object>)
            OpenAiAnswers.body(result(), ResponseFormat.VERBOSE_JSON, "transcribe", false);
    assertThat(withoutWords).doesNotContainKey("words");
  }
}
