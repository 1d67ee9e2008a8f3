package dev.earshot.classify.experiment;

import dev.earshot.classify.evaluate.ComparisonTable;
import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.train.FeatureTable;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.classify.whisper.ZeroShotClassifier;
import dev.earshot.whisper.WhisperModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Several models on the same split, one table: each variant is trained on the same training files
 * (and the same augmented copies) and measured on the same test files, plus optional zero-shot
 * scoring of the labels' words and ensembles (probability averaging and majority vote) of the
 * trained variants.
 */
public final class Comparison {

  /** Progress of a comparison, for a command line. */
  public interface Listener {
    default void preparing(FeatureSet set, int files) {}

    default IntConsumer fileDone() {
      return i -> {};
    }

    default void training(Variant variant) {}

    default Consumer<TrainingCurve.Epoch> epochs() {
      return e -> {};
    }

    default void done(String row, Evaluation test, double seconds) {}

    /** Called with each trained model before it is closed, e.g. to save the chosen one. */
    default void trained(Trained trained, TrainingData.Parts parts) throws IOException {}
  }

  /**
   * @param variants the trained models to compare
   * @param zeroShot texts to score per label (the label itself when absent), or empty for no
   *     zero-shot row
   * @param ensemble whether to add averaging and voting rows over the trained variants
   * @param options training options per model type
   */
  public record Plan(
      List<Variant> variants,
      Optional<Map<String, String>> zeroShot,
      String language,
      boolean ensemble,
      TrainingData.Settings data,
      BiFunction<ModelType, Long, TrainingOptions> options) {}

  private Comparison() {}

  public static ComparisonTable run(
      List<LabelledAudio> items, Featurizer featurizer, Plan plan, Listener listener)
      throws IOException {
    var split = TrainingData.split(items, plan.data());
    boolean[] augment = TrainingData.inTraining(split, items.size());
    Map<FeatureSet, TrainingData.Parts> parts = new LinkedHashMap<>();
    boolean vectors = plan.variants().stream().anyMatch(v -> v.features() != FeatureSet.LOG_MEL);
    boolean whisper = plan.variants().stream().anyMatch(v -> v.features().needsWhisper());
    if (vectors) {
      // One pass over the audio serves every vector set: per-column scaling lets the hand-made and
      // Whisper halves of the combined rows stand alone.
      FeatureSet set = whisper ? FeatureSet.COMBINED : FeatureSet.HANDCRAFTED;
      listener.preparing(set, items.size());
      TrainingData.Parts all =
          FeatureTable.build(items, featurizer, plan.data().with(set), augment, listener.fileDone())
              .parts(split);
      int handcrafted = featurizer.shape(FeatureSet.HANDCRAFTED)[0];
      parts.put(FeatureSet.HANDCRAFTED, all.columns(0, handcrafted));
      if (whisper) {
        int width = featurizer.shape(FeatureSet.COMBINED)[0];
        parts.put(FeatureSet.COMBINED, all);
        parts.put(FeatureSet.WHISPER, all.columns(handcrafted, width));
      }
    }
    if (plan.variants().stream().anyMatch(v -> v.features() == FeatureSet.LOG_MEL)) {
      listener.preparing(FeatureSet.LOG_MEL, items.size());
      parts.put(
          FeatureSet.LOG_MEL,
          FeatureTable.build(
                  items,
                  featurizer,
                  plan.data().with(FeatureSet.LOG_MEL),
                  augment,
                  listener.fileDone())
              .parts(split));
    }
    ComparisonTable table = ComparisonTable.empty();
    List<double[][]> probabilities = new ArrayList<>();
    List<int[]> predictions = new ArrayList<>();
    List<String> labels = LabelledAudio.labels(items);
    int[] truth = null;
    for (Variant variant : plan.variants()) {
      listener.training(variant);
      TrainingData.Parts p = parts.get(variant.features());
      TrainingOptions options = plan.options().apply(variant.type(), plan.data().seed());
      try (Trained trained = Experiments.fit(variant, p, options, listener.epochs())) {
        table = table.with(variant.name(), trained.test());
        listener.done(variant.name(), trained.test(), trained.seconds());
        listener.trained(trained, p);
        probabilities.add(trained.testProbabilities());
        predictions.add(argmax(trained.testProbabilities()));
        truth = p.test().labels();
      }
    }
    if (plan.ensemble() && probabilities.size() > 1) {
      Evaluation average =
          Evaluation.of(labels, truth, ComparisonTable.averageProbabilities(probabilities));
      table = table.with("ensemble:average", average);
      listener.done("ensemble:average", average, 0);
      Evaluation vote =
          Evaluation.ofPredictions(
              labels,
              truth,
              ComparisonTable.majorityVote(predictions, labels.size(), probabilities));
      table = table.with("ensemble:vote", vote);
      listener.done("ensemble:vote", vote, 0);
    }
    if (plan.zeroShot().isPresent()) {
      WhisperModel model =
          featurizer
              .embedding()
              .orElseThrow(() -> new IllegalStateException("zero-shot needs a Whisper model"))
              .model();
      Evaluation zeroShot =
          zeroShot(items, split.test(), labels, plan.zeroShot().get(), model, plan.language());
      table = table.with("zero-shot:" + model.id(), zeroShot);
      listener.done("zero-shot", zeroShot, 0);
    }
    return table;
  }

  /** Scores each test file against one text per label with the Whisper decoder. */
  static Evaluation zeroShot(
      List<LabelledAudio> items,
      int[] test,
      List<String> labels,
      Map<String, String> texts,
      WhisperModel model,
      String language)
      throws IOException {
    List<String> candidates = labels.stream().map(l -> texts.getOrDefault(l, l)).toList();
    ZeroShotClassifier scorer = new ZeroShotClassifier(model, language, candidates);
    double[][] probabilities = new double[test.length][];
    int[] truth = new int[test.length];
    for (int i = 0; i < test.length; i++) {
      LabelledAudio item = items.get(test[i]);
      probabilities[i] = scorer.classify(TrainingData.load(item)).probabilities();
      truth[i] = labels.indexOf(item.label());
    }
    return Evaluation.of(labels, truth, probabilities);
  }

  static int[] argmax(double[][] probabilities) {
    int[] out = new int[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      for (int c = 1; c < probabilities[i].length; c++) {
        if (probabilities[i][c] > probabilities[i][out[i]]) {
          out[i] = c;
        }
      }
    }
    return out;
  }
}
