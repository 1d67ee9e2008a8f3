package dev.earshot.classify.cli;

import dev.earshot.classify.evaluate.EvaluationReport;
import dev.earshot.classify.experiment.Experiments;
import dev.earshot.classify.experiment.Trained;
import dev.earshot.classify.experiment.Variant;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.model.ArtifactManifest;
import dev.earshot.classify.train.Artifacts;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.cli.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains one classifier on labelled audio and saves it as a versioned artifact. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train a classifier on labelled audio; saves the model, its manifest (labels, scaling,"
            + " metrics, sha256) and an evaluation report of the held-out test files.")
public class TrainCommand implements Callable<Integer> {

  @Mixin DataOptions data;

  @Option(
      names = "--model",
      defaultValue = "mlp",
      description = "logistic, svm, xgboost, mlp or cnn, optionally with :features (default mlp).")
  String model;

  @Option(
      names = "--features",
      description =
          "handcrafted, whisper, combined or log-mel (default handcrafted; log-mel for cnn).")
  String features;

  @Option(names = "--name", required = true, description = "The classifier's name.")
  String name;

  @Option(names = "--out", required = true, description = "Folder to save the model in.")
  Path out;

  @Option(names = "--report", description = "Folder for the test report (default OUT/report).")
  Path report;

  @Option(names = "--epochs", description = "Most epochs (boosting rounds for xgboost).")
  Integer epochs;

  @Option(names = "--patience", description = "Epochs without a better validation loss to stop.")
  Integer patience;

  @Option(names = "--learning-rate", description = "Optimiser step size.")
  Double learningRate;

  @Option(names = "--batch-size", description = "Examples per step.")
  Integer batchSize;

  @Override
  public Integer call() throws Exception {
    Variant variant = Cli.parse("--model", model, Variant::of);
    if (features != null) {
      variant = Cli.parse("--features", features, f -> Variant.of(model + ":" + f));
    }
    List<LabelledAudio> items = data.items();
    System.err.printf(
        "train %s as %s on %d files, %d labels %s%n",
        name,
        variant.name(),
        items.size(),
        LabelledAudio.labels(items).size(),
        LabelledAudio.labels(items));
    Featurizer featurizer = data.featurizer(variant.features().needsWhisper());
    ProgressBar progress = new ProgressBar(System.err);
    TrainingData.Parts parts =
        TrainingData.prepare(
            items,
            featurizer,
            data.settings(variant.features()),
            i -> progress.files("features", i + 1, items.size()));
    TrainingOptions options = options(variant);
    try (Trained trained =
        Experiments.fit(variant, parts, options, e -> progress.epoch(e, options.maxEpochs()))) {
      progress.end();
      Map<String, Double> metrics = new TreeMap<>();
      metrics.put("test_accuracy", trained.test().accuracy());
      metrics.put("test_top3_accuracy", trained.test().top3Accuracy());
      metrics.put("test_macro_f1", trained.test().macro().f1());
      metrics.put("test_weighted_f1", trained.test().weighted().f1());
      metrics.put("test_files", (double) trained.test().n());
      metrics.put("train_rows", (double) parts.train().size());
      var whisper = featurizer.embedding().map(e -> e.model());
      ArtifactManifest manifest =
          Artifacts.save(
              out,
              name,
              variant.features(),
              trained.model(),
              parts.train().inputShape(),
              parts.scaling(),
              variant.features().needsWhisper() ? whisper.orElseThrow().id() : "",
              variant.features().needsWhisper() ? whisper.orElseThrow().version() : "",
              variant.features().needsWhisper()
                  ? featurizer.embedding().orElseThrow().windowSeconds()
                  : 0,
              metrics);
      Path reportDir = report != null ? report : out.resolve("report");
      EvaluationReport.writeAll(trained.test(), trained.curve(), Optional.empty(), reportDir);
      System.out.print(EvaluationReport.text(trained.test()));
      System.out.printf(
          "saved %s %s (%s) to %s in %.0f s; report in %s%n",
          manifest.name(), manifest.version(), variant.name(), out, trained.seconds(), reportDir);
    } finally {
      featurizer.embedding().ifPresent(e -> e.model().close());
    }
    return 0;
  }

  private TrainingOptions options(Variant variant) {
    TrainingOptions d = Experiments.defaults(variant.type(), data.seed, data.threads());
    return new TrainingOptions(
        d.seed(),
        epochs != null ? epochs : d.maxEpochs(),
        patience != null ? patience : d.patience(),
        learningRate != null ? learningRate : d.learningRate(),
        batchSize != null ? batchSize : d.batchSize(),
        d.classWeights(),
        d.threads());
  }
}
