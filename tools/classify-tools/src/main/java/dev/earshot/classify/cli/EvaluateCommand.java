package dev.earshot.classify.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.classifier.ChunkClassifier;
import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.classify.classifier.Prediction;
import dev.earshot.classify.evaluate.CrossValidation;
import dev.earshot.classify.evaluate.CrossValidationResult;
import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.evaluate.EvaluationReport;
import dev.earshot.classify.evaluate.Splits;
import dev.earshot.classify.experiment.Experiments;
import dev.earshot.classify.experiment.Trained;
import dev.earshot.classify.experiment.Variant;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.train.Artifacts;
import dev.earshot.classify.train.FeatureTable;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.cli.Cli;
import dev.earshot.cli.UsageException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures a saved classifier on labelled audio, or a model type by k-fold cross-validation. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate a saved (or zero-shot) classifier on every labelled file, or a model type by"
            + " k-fold cross-validation (--folds); writes evaluation.json, report.txt and PNGs.")
public class EvaluateCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Mixin ClassifierOptions classifiers;

  @Option(names = "--folds", description = "k-fold cross-validation of --model instead.")
  Integer folds;

  @Option(
      names = "--model",
      defaultValue = "mlp",
      description = "With --folds: type[:features] to cross-validate (default mlp).")
  String model;

  @Option(names = "--report", required = true, description = "Folder for the report.")
  Path report;

  @Override
  public Integer call() throws Exception {
    if (folds != null) {
      if (folds < 2) {
        throw new UsageException("--folds '" + folds + "': must be 2 or more");
      }
      Variant variant = Cli.parse("--model", model, Variant::of);
      return crossValidate(variant, data.items());
    }
    var specs = classifiers.specs(false);
    if (specs.size() != 1) {
      throw new UsageException(
          "takes one --classifier or --zero-shot (or --folds), got " + specs.size());
    }
    List<LabelledAudio> items = data.items();
    try (ClassifierSet set =
        ClassifierSet.open(
            specs,
            data.whisper,
            data.threads,
            AssetCache.atDefaultLocation(),
            Artifacts.ANY_TYPE)) {
      List<ChunkClassifier> opened = set.classification().classifiers();
      List<String> labels = opened.get(0).labels();
      int[] truth = new int[items.size()];
      double[][] probabilities = new double[items.size()][];
      ProgressBar progress = new ProgressBar(System.err);
      for (int i = 0; i < items.size(); i++) {
        LabelledAudio item = items.get(i);
        truth[i] = labels.indexOf(item.label());
        if (truth[i] < 0) {
          throw new IllegalArgumentException(
              item.file()
                  + " is labelled '"
                  + item.label()
                  + "', which the classifier does not"
                  + " know; its labels are "
                  + labels);
        }
        Prediction p = set.classification().classify(TrainingData.load(item)).predictions().get(0);
        double[] row = new double[labels.size()];
        p.ranked().forEach(s -> row[labels.indexOf(s.label())] = s.probability());
        probabilities[i] = row;
        progress.files("evaluate", i + 1, items.size());
      }
      Evaluation evaluation = Evaluation.of(labels, truth, probabilities);
      EvaluationReport.writeAll(evaluation, Optional.empty(), Optional.empty(), report);
      System.out.print(EvaluationReport.text(evaluation));
      System.out.println("report in " + report);
    }
    return 0;
  }

  private int crossValidate(Variant variant, List<LabelledAudio> items) throws Exception {
    Featurizer featurizer = data.featurizer(variant.features().needsWhisper());
    ProgressBar progress = new ProgressBar(System.err);
    boolean[] all = new boolean[items.size()];
    Arrays.fill(all, true);
    try {
      FeatureTable table =
          FeatureTable.build(
              items,
              featurizer,
              data.settings(variant.features()),
              all,
              i -> progress.files("features", i + 1, items.size()));
      int[] y = table.targets();
      double[][] pooled = new double[items.size()][];
      CrossValidationResult result =
          CrossValidation.run(
              y,
              folds,
              data.seed,
              (train, test) -> {
                // Early stopping needs files the fold's model never fits: a stratified slice.
                int[] trainY = Arrays.stream(train).map(i -> y[i]).toArray();
                Splits.Split inner = Splits.stratifiedSplit(trainY, 0.85, 0.1, data.seed);
                int[] fit = concat(pick(train, inner.train()), pick(train, inner.test()));
                var parts =
                    table.parts(new Splits.Split(fit, pick(train, inner.validation()), test));
                try (Trained trained =
                    Experiments.fit(
                        variant,
                        parts,
                        Experiments.defaults(variant.type(), data.seed, data.threads()),
                        e -> {})) {
                  for (int k = 0; k < test.length; k++) {
                    pooled[test[k]] = trained.testProbabilities()[k];
                  }
                  System.err.printf(
                      "fold: accuracy %.3f, macro F1 %.3f%n",
                      trained.test().accuracy(), trained.test().macro().f1());
                  return trained.test();
                }
              });
      Evaluation overall = Evaluation.of(table.labels(), y, pooled);
      EvaluationReport.writeAll(overall, Optional.empty(), Optional.of(result), report);
      System.out.print(EvaluationReport.text(overall));
      System.out.print(EvaluationReport.text(result));
      System.out.println("report in " + report);
    } finally {
      featurizer.embedding().ifPresent(e -> e.model().close());
    }
    return 0;
  }

  private static int[] pick(int[] from, int[] positions) {
    return Arrays.stream(positions).map(p -> from[p]).toArray();
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.sort(out);
    return out;
  }
}
