package dev.earshot.pipeline.replay;

import static dev.earshot.pipeline.replay.ResultJson.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.pipeline.replay.ResultChanges.Change;
import dev.earshot.pipeline.replay.ResultChanges.LabelChange;
import dev.earshot.pipeline.replay.ResultChanges.Options;
import dev.earshot.pipeline.replay.ResultChanges.PartChange;
import dev.earshot.pipeline.replay.ResultChanges.Report;
import dev.earshot.schema.result.ModelInfo;
import dev.earshot.whisper.WordDiff;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResultChangesTest {

  private static final String TINY = "openai/whisper-tiny";
  private static final String BASE = "openai/whisper-base";

  private static Options part(String part, String from, String to) {
    return new Options(Optional.of(part), Optional.ofNullable(from), Optional.ofNullable(to));
  }

  /**
   * Word error rates of the NEW transcript with the OLD one as the reference: (S + D + I) / N,
   * where N is the number of words in the old transcript.
   */
  @Nested
  class WordErrorRate {

    @Test
    void anAddedWordIsOneInsertion() {
      // old "the cat sat" (N = 3), new "the cat sat down": I = 1, so 1/3.
      WordDiff d = ResultChanges.wordDiff("the cat sat", "the cat sat down");

      assertThat(d.referenceWords()).isEqualTo(3);
      assertThat(List.of(d.substitutions(), d.deletions(), d.insertions()))
          .containsExactly(0, 0, 1);
      assertThat(d.wer()).hasValueSatisfying(w -> assertThat(w).isCloseTo(1.0 / 3, within(1e-12)));
      assertThat(d.removed()).isEmpty();
      assertThat(d.added()).containsExactly("down");
    }

    @Test
    void aSubstitutionAndADeletion() {
      // old "the cat sat on the mat" (N = 6), new "the cat sit on mat":
      // sat -> sit (S = 1), the second "the" dropped (D = 1): 2/6 = 1/3.
      WordDiff d = ResultChanges.wordDiff("the cat sat on the mat", "the cat sit on mat");

      assertThat(List.of(d.substitutions(), d.deletions(), d.insertions()))
          .containsExactly(1, 1, 0);
      assertThat(d.wer()).hasValueSatisfying(w -> assertThat(w).isCloseTo(2.0 / 6, within(1e-12)));
      assertThat(d.removed()).containsExactly("sat", "the");
      assertThat(d.added()).containsExactly("sit");
    }

    @Test
    void caseAndPunctuationAreNotErrors() {
      // After lower-casing and removing punctuation both are "and so my fellow americans": 0/5.
      WordDiff d =
          ResultChanges.wordDiff("And so, my fellow Americans.", "and so my fellow americans");

      assertThat(d.referenceWords()).isEqualTo(5);
      assertThat(d.wer()).contains(0.0);
    }

    @Test
    void anApostropheIsRemovedNotASpace() {
      // "don't" and "dont" are both "dont": 0/2.
      assertThat(ResultChanges.wordDiff("Don't stop", "dont stop").wer()).contains(0.0);
      assertThat(ResultChanges.words("Don't stop - ever!")).containsExactly("dont", "stop", "ever");
    }

    @Test
    void aShorterUnrelatedTranscript() {
      // old "hello world" (N = 2), new "goodbye": one substitution and one deletion, 2/2 = 1.
      WordDiff d = ResultChanges.wordDiff("hello world", "goodbye");

      assertThat(d.substitutions() + d.deletions()).isEqualTo(2);
      assertThat(d.insertions()).isZero();
      assertThat(d.wer()).contains(1.0);
    }

    @Test
    void insertionsCanTakeItAboveOne() {
      // old "yes" (N = 1), new "yes yes yes": I = 2, so 2/1 = 2.
      WordDiff d = ResultChanges.wordDiff("yes", "yes yes yes");

      assertThat(d.insertions()).isEqualTo(2);
      assertThat(d.wer()).contains(2.0);
    }

    @Test
    void everythingDeleted() {
      // old "a b c" (N = 3), new "": D = 3, 3/3 = 1.
      WordDiff d = ResultChanges.wordDiff("a b c", "");

      assertThat(d.deletions()).isEqualTo(3);
      assertThat(d.removed()).containsExactly("a", "b", "c");
      assertThat(d.wer()).contains(1.0);
    }

    @Test
    void anEmptyReferenceHasNoRateUnlessNothingChanged() {
      assertThat(ResultChanges.wordDiff("", "hi there").wer()).isEmpty();
      assertThat(ResultChanges.wordDiff("", "hi there").insertions()).isEqualTo(2);
      assertThat(ResultChanges.wordDiff(" ...", "").wer()).contains(0.0);
    }

    @Test
    void severalEditsAcrossASentence() {
      // old: the quick brown fox jumps over the lazy dog      (N = 9)
      // new: a   quick brown fox jumped over     lazy dogs today
      // the -> a, jumps -> jumped, dog -> dogs (S = 3), "the" dropped (D = 1), "today" (I = 1):
      // 5/9. Another alignment with five substitutions costs the same, so only the total is
      // fixed.
      WordDiff d =
          ResultChanges.wordDiff(
              "The quick brown fox jumps over the lazy dog.",
              "A quick brown fox jumped over lazy dogs today.");

      assertThat(d.substitutions() + d.deletions() + d.insertions()).isEqualTo(5);
      assertThat(d.wer()).hasValueSatisfying(w -> assertThat(w).isCloseTo(5.0 / 9, within(1e-12)));
    }

    @Test
    void longTranscriptsAreCountedTheSameWithoutAnAlignment() {
      List<String> old = ResultChanges.words("the quick brown fox jumps over the lazy dog again");
      List<String> nu = ResultChanges.words("a quick brown fox jumped over lazy dogs today again");

      WordDiff aligned = WordDiff.of(old, nu, Long.MAX_VALUE);
      WordDiff counted = WordDiff.of(old, nu, 1);

      assertThat(counted.referenceWords()).isEqualTo(aligned.referenceWords()).isEqualTo(10);
      assertThat(List.of(counted.substitutions(), counted.deletions(), counted.insertions()))
          .isEqualTo(List.of(aligned.substitutions(), aligned.deletions(), aligned.insertions()));
      assertThat(counted.removed()).containsExactlyInAnyOrder("the", "jumps", "the", "dog");
      assertThat(counted.added()).containsExactlyInAnyOrder("a", "jumped", "dogs", "today");
    }
  }

  @Test
  void aSingleResultIsNotCompared() {
    Report report = ResultChanges.compare(List.of(result("r1").json()));

    assertThat(report.recordings()).isEqualTo(1);
    assertThat(report.compared()).isZero();
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void resultsThatDifferOnlyInUpdatedAtAreNotChanges() {
    Report report =
        ResultChanges.compare(
            List.of(
                result("r1").at("2026-11-21T10:00:00Z").json(),
                result("r1").at("2026-11-21T11:00:00Z").json()));

    assertThat(report.compared()).isEqualTo(1);
    assertThat(report.changes()).isEmpty();
    assertThat(report.transcriptsChanged()).isZero();
  }

  @Test
  void onlyOtherModelVersionsMakeAChange() {
    // The same model gave another text (a nondeterministic decoder, say): not a model change.
    Report report =
        ResultChanges.compare(
            List.of(result("r1").text("hello").json(), result("r1").text("hullo").json()));

    assertThat(report.compared()).isEqualTo(1);
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void aNewTranscriptModelIsReportedWithTheTextsAndTheirDiff() {
    Report report =
        ResultChanges.compare(
            List.of(
                result("r1").text("The cat sat.").at("2026-11-21T10:00:00Z").json(),
                result("r1")
                    .model("transcript", BASE, "sha256:bbb")
                    .text("The cat sat down.")
                    .at("2026-11-21T12:00:00Z")
                    .json()));

    assertThat(report.compared()).isEqualTo(1);
    assertThat(report.transcriptsChanged()).isEqualTo(1);
    assertThat(report.labelsChanged()).isZero();
    Change c = report.changes().get(0);
    assertThat(c.recordingId()).isEqualTo("r1");
    assertThat(c.file()).isEqualTo("jfk.wav");
    assertThat(c.fromUpdatedAt()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(c.toUpdatedAt()).isEqualTo("2026-11-21T12:00:00Z");
    assertThat(c.models())
        .containsExactly(
            new PartChange(
                "transcript",
                List.of(new ModelInfo(TINY, "sha256:aaa")),
                List.of(new ModelInfo(BASE, "sha256:bbb"))));
    assertThat(c.transcript().changed()).isTrue();
    assertThat(c.transcript().from()).isEqualTo("The cat sat.");
    assertThat(c.transcript().to()).isEqualTo("The cat sat down.");
    // old "the cat sat" is the reference (N = 3); "down" is inserted: 1/3.
    assertThat(c.transcript().diff().wer())
        .hasValueSatisfying(w -> assertThat(w).isCloseTo(1.0 / 3, within(1e-12)));
    assertThat(c.label().changed()).isFalse();
  }

  @Test
  void aNewClassifierModelIsReportedWithItsLabels() {
    Report report =
        ResultChanges.compare(
            List.of(
                result("r1")
                    .label("speech", 0.97)
                    .classifier("sound-type", "speech", 0.97, "sha256:3599")
                    .classifier("digits", "unknown", 0.8, "sha256:a817")
                    .json(),
                result("r1")
                    .label("music", 0.61)
                    .classifier("sound-type", "music", 0.61, "sha256:4000")
                    .classifier("digits", "unknown", 0.82, "sha256:a817")
                    .json()));

    assertThat(report.transcriptsChanged()).isZero();
    assertThat(report.labelsChanged()).isEqualTo(1);
    Change c = report.changes().get(0);
    assertThat(c.models())
        .containsExactly(
            new PartChange(
                "sound-type",
                List.of(new ModelInfo("sound-type/mlp-whisper", "sha256:3599")),
                List.of(new ModelInfo("sound-type/mlp-whisper", "sha256:4000"))));
    assertThat(c.transcript().changed()).isFalse();
    assertThat(c.label()).isEqualTo(new LabelChange("speech", 0.97, "music", 0.61));
    assertThat(c.classifiers().get("sound-type"))
        .isEqualTo(new LabelChange("speech", 0.97, "music", 0.61));
    assertThat(c.classifiers().get("digits").changed()).isFalse();
    assertThat(c.classifiers().get("digits").toConfidence()).isEqualTo(0.82);
  }

  @Test
  void aClassifierOnlyOneSideHasIsAChange() {
    Report report =
        ResultChanges.compare(
            List.of(
                result("r1").json(),
                result("r1").classifier("digits", "seven", 0.9, "sha256:a817").json()));

    Change c = report.changes().get(0);
    assertThat(c.models()).extracting(PartChange::part).containsExactly("digits");
    assertThat(c.models().get(0).from()).isEmpty();
    assertThat(c.classifiers().get("digits")).isEqualTo(new LabelChange(null, null, "seven", 0.9));
    assertThat(report.labelsChanged()).isEqualTo(1);
  }

  @Test
  void theFirstResultIsComparedWithTheLatest() {
    Report report =
        ResultChanges.compare(
            List.of(
                result("r1").text("one").json(),
                result("r1").model("transcript", TINY, "sha256:bbb").text("two").json(),
                result("r1").model("transcript", TINY, "sha256:ccc").text("three").json()));

    Change c = report.changes().get(0);
    assertThat(c.transcript().from()).isEqualTo("one");
    assertThat(c.transcript().to()).isEqualTo("three");
    assertThat(c.models().get(0).to()).containsExactly(new ModelInfo(TINY, "sha256:ccc"));
  }

  @Test
  void theOrderOfAPartsModelsDoesNotMatter() {
    Report report =
        ResultChanges.compare(
            List.of(
                result("r1").alsoModel("transcript", TINY, "sha256:bbb").json(),
                result("r1")
                    .model("transcript", TINY, "sha256:bbb")
                    .alsoModel("transcript", TINY, "sha256:aaa")
                    .json()));

    assertThat(report.compared()).isEqualTo(1);
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void recordingsAreCountedSeparatelyInTheOrderTheyFirstAppear() {
    Report report =
        ResultChanges.compare(
            List.of(
                result("b").text("b one").json(),
                result("a").text("a one").json(),
                result("c").json(),
                result("a").model("transcript", TINY, "sha256:bbb").text("a two").json(),
                result("b").model("transcript", TINY, "sha256:bbb").text("b one").json(),
                result("d").json(),
                result("d").at("2026-11-22T00:00:00Z").json()));

    assertThat(report.results()).isEqualTo(7);
    assertThat(report.recordings()).isEqualTo(4);
    assertThat(report.compared()).isEqualTo(3);
    assertThat(report.changes()).extracting(Change::recordingId).containsExactly("b", "a");
    assertThat(report.transcriptsChanged()).isEqualTo(1);
    assertThat(report.changes().get(0).transcript().changed()).isFalse();
  }

  @Test
  void unreadableResultsAreSkippedAndCounted() {
    Report report =
        ResultChanges.compare(
            Arrays.asList(
                "not json",
                "[1, 2]",
                "{\"file\":\"x.wav\"}",
                null,
                "",
                result("r1").json(),
                result("r1").model("transcript", BASE, "sha256:bbb").json()));

    assertThat(report.results()).isEqualTo(7);
    assertThat(report.unreadable()).isEqualTo(5);
    assertThat(report.changes()).hasSize(1);
  }

  @Test
  void aFullResultWithFieldsNotUsedHereIsRead() {
    String old =
        """
        {"file":"jfk.wav","transcription":"And so my fellow Americans, ask not.",
         "predicted_label":"speech","confidence":0.97,
         "probabilities":{"speech":0.97,"music":0.02,"other":0.01},
         "recording_id":"3f2c","status":"COMPLETE","reason":null,"duration":11.0,"chunks":2,
         "chunks_joined":2,"language":"en",
         "segments":[{"start":0.0,"end":4.2,"text":"And so my fellow Americans,"}],
         "classifiers":{"sound-type":{"predicted_label":"speech","confidence":0.97,
           "probabilities":{"speech":0.97},"distribution":{"speech":1.0},
           "model":{"id":"sound-type/mlp-whisper","version":"sha256:3599"}}},
         "rule_labels":[],"timeline":[{"start":0.0,"end":11.0,"label":"speech"}],
         "models":{"transcript":[{"id":"openai/whisper-tiny","version":"sha256:aaa"}],
           "sound-type":[{"id":"sound-type/mlp-whisper","version":"sha256:3599"}]},
         "pictures":{"spectrogram":"iVBORw0KGgo="},"updated_at":"2026-11-21T10:15:30.123Z",
         "something_new":{"nested":[1,2,3]}}
        """;
    String replayed =
        old.replace("sha256:aaa", "sha256:bbb")
            .replace("ask not.", "ask not what.")
            .replace("2026-11-21T10:15:30.123Z", "2026-11-21T11:00:00Z");

    Report report = ResultChanges.compare(List.of(old, replayed));

    Change c = report.changes().get(0);
    assertThat(c.recordingId()).isEqualTo("3f2c");
    assertThat(c.models()).extracting(PartChange::part).containsExactly("transcript");
    // old "and so my fellow americans ask not" (N = 7); "what" inserted: 1/7.
    assertThat(c.transcript().diff().wer())
        .hasValueSatisfying(w -> assertThat(w).isCloseTo(1.0 / 7, within(1e-12)));
    assertThat(c.classifiers().get("sound-type").changed()).isFalse();
  }

  @Nested
  class WithAPart {

    @Test
    void onlyRecordingsWhoseModelsForThePartChangedAreReported() {
      List<String> results =
          List.of(
              result("transcript-changed").json(),
              result("transcript-changed").model("transcript", BASE, "sha256:bbb").json(),
              result("digits-changed").classifier("digits", "one", 0.9, "sha256:d1").json(),
              result("digits-changed").classifier("digits", "two", 0.9, "sha256:d2").json());

      Report report = ResultChanges.compare(results, part("transcript", null, null));

      assertThat(report.compared()).isEqualTo(2);
      assertThat(report.changes())
          .extracting(Change::recordingId)
          .containsExactly("transcript-changed");
    }

    @Test
    void versionsPickTheLatestResultMadeWithEach() {
      List<String> results =
          List.of(
              result("r1").text("first with aaa").json(),
              result("r1").model("transcript", BASE, "sha256:bbb").text("with bbb").json(),
              // Replayed halfway: made with both, so with neither.
              result("r1").alsoModel("transcript", BASE, "sha256:bbb").text("half and half").json(),
              result("r1").text("again with aaa").json(),
              result("only-aaa").json(),
              result("only-aaa").at("2026-11-22T00:00:00Z").json());

      Report report =
          ResultChanges.compare(results, part("transcript", "sha256:aaa", "sha256:bbb"));

      assertThat(report.compared()).isEqualTo(1);
      Change c = report.changes().get(0);
      assertThat(c.transcript().from()).isEqualTo("again with aaa");
      assertThat(c.transcript().to()).isEqualTo("with bbb");
      assertThat(c.models().get(0).from()).containsExactly(new ModelInfo(TINY, "sha256:aaa"));
      assertThat(c.models().get(0).to()).containsExactly(new ModelInfo(BASE, "sha256:bbb"));
    }

    @Test
    void aVersionMayNameTheModelToo() {
      List<String> results =
          List.of(
              result("r1").text("old").json(),
              result("r1").model("transcript", BASE, "sha256:bbb").text("new").json());

      Report report =
          ResultChanges.compare(
              results, part("transcript", TINY + "@sha256:aaa", BASE + "@sha256:bbb"));
      Report wrongModel =
          ResultChanges.compare(
              results, part("transcript", BASE + "@sha256:aaa", BASE + "@sha256:bbb"));

      assertThat(report.changes()).hasSize(1);
      assertThat(wrongModel.compared()).isZero();
    }

    @Test
    void withOnlyAFromVersionTheNewSideIsTheLatest() {
      List<String> results =
          List.of(
              result("r1").model("transcript", TINY, "sha256:zzz").text("zzz").json(),
              result("r1").text("aaa").json(),
              result("r1").model("transcript", TINY, "sha256:ccc").text("ccc").json());

      Change c =
          ResultChanges.compare(results, part("transcript", "sha256:aaa", null)).changes().get(0);

      assertThat(c.transcript().from()).isEqualTo("aaa");
      assertThat(c.transcript().to()).isEqualTo("ccc");
    }

    @Test
    void withOnlyAToVersionTheOldSideIsTheFirst() {
      List<String> results =
          List.of(
              result("r1").text("aaa").json(),
              result("r1").model("transcript", TINY, "sha256:bbb").text("bbb").json(),
              result("r1").model("transcript", TINY, "sha256:ccc").text("ccc").json());

      Change c =
          ResultChanges.compare(results, part("transcript", null, "sha256:bbb")).changes().get(0);

      assertThat(c.transcript().from()).isEqualTo("aaa");
      assertThat(c.transcript().to()).isEqualTo("bbb");
    }

    @Test
    void versionsNeedAPartAndMustDiffer() {
      assertThatThrownBy(
              () -> new Options(Optional.empty(), Optional.of("sha256:aaa"), Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs a part");
      assertThatThrownBy(() -> part("transcript", "sha256:aaa", "sha256:aaa"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theTextReportShowsWhatChanged() {
    String text =
        ChangeReport.text(
            ResultChanges.compare(
                List.of(
                    result("r1")
                        .text("The cat sat.")
                        .classifier("sound-type", "speech", 0.97, "sha256:3599")
                        .json(),
                    result("r1")
                        .model("transcript", BASE, "sha256:bbb")
                        .text("The cat sat down.")
                        .classifier("sound-type", "music", 0.6, "sha256:4000")
                        .json(),
                    result("r2").text("hello").json(),
                    result("r2").model("transcript", BASE, "sha256:bbb").text("hello").json())));

    assertThat(text)
        .contains("4 results, 2 recordings, 2 compared: 2 with other model versions,")
        .contains("1 changed transcripts, 1 changed labels")
        .contains("recording r1 (jfk.wav)")
        .contains(
            "  model transcript: openai/whisper-tiny@sha256:aaa -> openai/whisper-base@sha256:bbb")
        .contains(
            "  model sound-type: sound-type/mlp-whisper@sha256:3599"
                + " -> sound-type/mlp-whisper@sha256:4000")
        .contains("  transcript: changed, WER 33.3% against the old")
        .contains("    old: The cat sat.\n    new: The cat sat down.\n    added: down\n")
        .contains("  classifier sound-type: speech (0.97) -> music (0.60)")
        .contains("recording r2")
        .contains("  transcript: unchanged\n  labels: unchanged\n");
  }

  @Test
  void theJsonReportHasEveryNumberForScripts() throws Exception {
    String json =
        ChangeReport.json(
            ResultChanges.compare(
                List.of(
                    result("r1").text("the cat sat").status("INCOMPLETE").json(),
                    result("r1")
                        .model("transcript", BASE, "sha256:bbb")
                        .text("the cat sat down")
                        .json()),
                part("transcript", "sha256:aaa", "sha256:bbb")));

    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.path("options").path("part").asText()).isEqualTo("transcript");
    assertThat(root.path("options").path("to_version").asText()).isEqualTo("sha256:bbb");
    assertThat(root.path("compared").asInt()).isEqualTo(1);
    assertThat(root.path("changed").asInt()).isEqualTo(1);
    assertThat(root.path("transcripts_changed").asInt()).isEqualTo(1);
    assertThat(root.path("labels_changed").asInt()).isZero();
    JsonNode change = root.path("changes").get(0);
    assertThat(change.path("recording_id").asText()).isEqualTo("r1");
    assertThat(change.path("from_status").asText()).isEqualTo("INCOMPLETE");
    assertThat(change.path("models").get(0).path("from").get(0).path("version").asText())
        .isEqualTo("sha256:aaa");
    assertThat(change.path("models").get(0).path("to").get(0).path("id").asText()).isEqualTo(BASE);
    JsonNode transcript = change.path("transcript");
    assertThat(transcript.path("wer").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(transcript.path("insertions").asInt()).isEqualTo(1);
    assertThat(transcript.path("added").get(0).asText()).isEqualTo("down");
    assertThat(change.path("predicted_label").path("changed").asBoolean()).isFalse();
  }

  @Test
  void anUndefinedRateIsNullInJsonAndNotApplicableInText() throws Exception {
    Report report =
        ResultChanges.compare(
            List.of(
                result("r1").text(null).status("FAILED").json(),
                result("r1").model("transcript", BASE, "sha256:bbb").text("words at last").json()));

    JsonNode transcript =
        new ObjectMapper()
            .readTree(ChangeReport.json(report))
            .path("changes")
            .get(0)
            .path("transcript");
    assertThat(transcript.path("wer").isNull()).isTrue();
    assertThat(ChangeReport.text(report))
        .contains("  status: FAILED -> COMPLETE\n")
        .contains("WER n/a");
  }
}
