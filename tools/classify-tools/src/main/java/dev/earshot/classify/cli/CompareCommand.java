package dev.earshot.classify.cli;

import dev.earshot.classify.evaluate.ComparisonTable;
import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.experiment.Comparison;
import dev.earshot.classify.experiment.Experiments;
import dev.earshot.classify.experiment.Variant;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Several models on one split, one table, with ensembles and zero-shot. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Train several models on the same split and print one table: accuracy, macro and weighted"
            + " F1, minority- and majority-class recall; optionally ensembles and zero-shot.")
public class CompareCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Option(
      names = "--models",
      split = ",",
      defaultValue = "logistic,svm,xgboost,mlp",
      description =
          "Variants as type[:features], e.g. svm,mlp:whisper,cnn (default logistic,svm,xgboost,mlp"
              + " on hand-made features).")
  List<String> models;

  @Option(names = "--ensemble", description = "Add probability-averaging and voting rows.")
  boolean ensemble;

  @Option(
      names = "--zero-shot",
      arity = "0..1",
      fallbackValue = "",
      description =
          "Add a zero-shot row: Whisper scores each label's word; LABEL=TEXT pairs (comma"
              + " separated) give other words, e.g. silence=...")
  String zeroShot;

  @Option(names = "--language", defaultValue = "en", description = "Zero-shot language (en).")
  String language;

  @Option(names = "--out", description = "Folder for comparison.json and comparison.txt.")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<Variant> variants =
        models.stream().map(m -> Cli.parse("--models", m, Variant::of)).toList();
    Optional<Map<String, String>> zeroShotTexts =
        Optional.ofNullable(zeroShot).map(z -> Cli.parse("--zero-shot", z, CompareCommand::texts));
    List<LabelledAudio> items = data.items();
    boolean whisper =
        zeroShot != null || variants.stream().anyMatch(v -> v.features().needsWhisper());
    Featurizer featurizer = data.featurizer(whisper);
    ProgressBar progress = new ProgressBar(System.err);
    Comparison.Plan plan =
        new Comparison.Plan(
            variants,
            zeroShotTexts,
            language,
            ensemble,
            data.settings(FeatureSet.HANDCRAFTED),
            (type, seed) -> Experiments.defaults(type, seed, data.threads()));
    ComparisonTable table;
    try {
      table =
          Comparison.run(
              items,
              featurizer,
              plan,
              new Comparison.Listener() {
                String phase = "";
                int maxEpochs = 1;

                @Override
                public void preparing(FeatureSet set, int files) {
                  phase = set.id();
                }

                @Override
                public IntConsumer fileDone() {
                  return i -> progress.files(phase, i + 1, items.size());
                }

                @Override
                public void training(Variant variant) {
                  maxEpochs = Experiments.defaults(variant.type(), 0, 1).maxEpochs();
                  System.err.println("training " + variant.name());
                }

                @Override
                public Consumer<TrainingCurve.Epoch> epochs() {
                  return e -> progress.epoch(e, maxEpochs);
                }

                @Override
                public void done(String row, Evaluation test, double seconds) {
                  progress.end();
                  System.err.printf(
                      "%s: accuracy %.3f, macro F1 %.3f (%.0f s)%n",
                      row, test.accuracy(), test.macro().f1(), seconds);
                }
              });
    } finally {
      featurizer.embedding().ifPresent(e -> e.model().close());
    }
    System.out.print(table.text());
    if (out != null) {
      Files.createDirectories(out);
      table.writeJson(out.resolve("comparison.json"));
      Files.writeString(out.resolve("comparison.txt"), table.text());
    }
    return 0;
  }

  static Map<String, String> texts(String spec) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "LABEL=TEXT pairs are wanted, e.g. silence=..., not '" + pair + "'");
      }
      out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return out;
  }
}
