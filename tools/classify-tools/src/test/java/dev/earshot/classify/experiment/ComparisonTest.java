package dev.earshot.classify.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.classify.TestAudio;
import dev.earshot.classify.evaluate.ComparisonTable;
import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.FeatureSettings;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingAudio;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.classify.whisper.WhisperEmbedding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Compares models on real fetched recordings: spoken words against event sounds. */
class ComparisonTest {

  @Test
  void everyVariantEnsemblesAndZeroShotAreMeasuredOnTheSameTestFiles() throws IOException {
    List<LabelledAudio> items = TrainingAudio.speechAndSounds();
    Featurizer featurizer =
        new Featurizer(
            new FeatureExtractor(FeatureSettings.DEFAULT),
            Optional.of(new WhisperEmbedding(TestAudio.tiny())));
    List<String> trainedRows = new ArrayList<>();
    Comparison.Plan plan =
        new Comparison.Plan(
            List.of(Variant.of("logistic"), Variant.of("xgboost"), Variant.of("logistic:whisper")),
            Optional.of(Map.of("sound", "ding")),
            "en",
            true,
            new TrainingData.Settings(FeatureSet.HANDCRAFTED, 0.5, 0.1, 0, 7),
            (type, seed) -> Experiments.defaults(type, seed, 1));

    ComparisonTable table =
        Comparison.run(
            items,
            featurizer,
            plan,
            new Comparison.Listener() {
              @Override
              public void trained(Trained trained, TrainingData.Parts parts) {
                trainedRows.add(trained.variant().name());
                assertThat(parts.test().size()).isEqualTo(trained.test().n());
              }
            });

    assertThat(trainedRows)
        .containsExactly("logistic:handcrafted", "xgboost:handcrafted", "logistic:whisper");
    assertThat(table.rows())
        .extracting(ComparisonTable.Row::model)
        .containsExactly(
            "logistic:handcrafted",
            "xgboost:handcrafted",
            "logistic:whisper",
            "ensemble:average",
            "ensemble:vote",
            "zero-shot:openai/whisper-tiny");
    int testFiles = table.rows().get(0).evaluation().n();
    assertThat(table.rows()).allSatisfy(r -> assertThat(r.evaluation().n()).isEqualTo(testFiles));
    Evaluation whisper = table.rows().get(2).evaluation();
    // Whisper embeddings separate words from sounds: measured 14 of 14; ONNX Runtime's kernels
    // move embeddings slightly by processor. "sound" for everything would score about 8 of 14.
    assertThat(whisper.accuracy())
        .as(TestAudio.on("logistic:whisper accuracy on " + whisper.n() + " test files"))
        .isGreaterThanOrEqualTo(0.7);
    assertThat(table.text()).contains("ensemble:vote", "macro");
  }
}
