package dev.earshot.classify.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.classifier.BuiltinModels;
import dev.earshot.classify.data.DefaultDatasets;
import dev.earshot.classify.data.Library;
import dev.earshot.classify.data.Synthesiser;
import dev.earshot.classify.evaluate.ComparisonTable;
import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.evaluate.EvaluationReport;
import dev.earshot.classify.experiment.Comparison;
import dev.earshot.classify.experiment.Experiments;
import dev.earshot.classify.experiment.Trained;
import dev.earshot.classify.experiment.Variant;
import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.FeatureSettings;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.train.Artifacts;
import dev.earshot.classify.train.LabelledAudio;
import dev.earshot.classify.train.TrainingData;
import dev.earshot.classify.whisper.WhisperEmbedding;
import dev.earshot.cli.ExistingPath;
import dev.earshot.cli.UsageException;
import dev.earshot.whisper.WhisperModel;
import dev.earshot.whisper.WhisperModels;
import dev.earshot.whisper.WhisperOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Rebuilds the built-in classifiers from scratch: writes their datasets from pinned, fetched audio
 * (and espeak-ng / SoX synthesis), compares every model type on the same held-out voices and
 * sources, and saves the chosen variant into the service's resources.
 */
@Command(
    name = "build-defaults",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the built-in sound-type and digits classifiers from fetched audio, with the"
            + " comparison table of every model type on the held-out test voices and sources.")
public class BuildDefaultsCommand implements Callable<Integer> {

  /** What each built-in classifier is built from and which variant ships. */
  record Recipe(String name, Variant shipped, Map<String, String> zeroShotTexts) {}

  static final List<Recipe> RECIPES =
      List.of(
          new Recipe(
              "sound-type",
              Variant.of("mlp:whisper"),
              Map.of("speech", "Hello.", "music", "[Music]", "other", "[Noise]")),
          new Recipe("digits", Variant.of("mlp:whisper"), Map.of()));

  static final List<String> COMPARED =
      List.of(
          "logistic:handcrafted",
          "svm:handcrafted",
          "xgboost:handcrafted",
          "mlp:handcrafted",
          "logistic:whisper",
          "svm:whisper",
          "mlp:whisper",
          "mlp:combined",
          "cnn:log-mel");

  @Option(names = "--only", description = "sound-type or digits (default both).")
  String only;

  @Option(
      names = "--project",
      defaultValue = ".",
      converter = ExistingPath.class,
      description = "Project root: the models go to classify-service/src/main/resources.")
  Path project;

  @Option(
      names = "--work",
      description = "Folder for the reports (default: the asset cache's builtins/).")
  Path work;

  @Option(
      names = "--data",
      description =
          "Folder of the datasets (DATA/sound-type, DATA/digits); written there when missing"
              + " (default: WORK/data-SEED).")
  Path dataRoot;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds data, splits and training.")
  long seed;

  @Option(names = "--augment", defaultValue = "1", description = "Copies per training clip (1).")
  int augment;

  @Option(names = "--per-class", description = "Clips per label (300 sound-type, 120 digits).")
  Integer perClass;

  @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: every core).")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (only != null && RECIPES.stream().noneMatch(r -> r.name().equals(only))) {
      throw new UsageException(
          "--only '"
              + only
              + "': one of "
              + String.join(", ", RECIPES.stream().map(Recipe::name).toList()));
    }
    AssetCache cache = AssetCache.atDefaultLocation();
    Path root = work != null ? work : cache.root().resolve("builtins");
    int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    try (WhisperModel whisper =
        WhisperModel.load(
            WhisperModels.resolve("tiny", cache), WhisperOptions.defaults().withThreads(cores))) {
      Featurizer featurizer =
          new Featurizer(
              new FeatureExtractor(FeatureSettings.DEFAULT),
              Optional.of(new WhisperEmbedding(whisper)));
      for (Recipe recipe : RECIPES) {
        if (only == null || only.equals(recipe.name())) {
          build(recipe, cache, root, cores, featurizer);
        }
      }
    }
    return 0;
  }

  private void build(Recipe recipe, AssetCache cache, Path root, int cores, Featurizer featurizer)
      throws IOException {
    long start = System.nanoTime();
    Path data = (dataRoot != null ? dataRoot : root.resolve("data-" + seed)).resolve(recipe.name());
    if (!Files.isRegularFile(data.resolve("manifest.tsv"))) {
      System.err.println("writing the " + recipe.name() + " dataset to " + data);
      DefaultDatasets datasets =
          new DefaultDatasets(Library.fetch(cache), Synthesiser.fetch(cache), cores, System.err);
      if (recipe.name().equals("digits")) {
        if (perClass == null) {
          datasets.digits(data, seed);
        } else {
          datasets.digits(data, seed, perClass);
        }
      } else if (perClass == null) {
        datasets.soundType(data, seed);
      } else {
        datasets.soundType(data, seed, perClass);
      }
    }
    List<LabelledAudio> items = LabelledAudio.load(data.resolve("manifest.tsv"));
    Path report = root.resolve("report-" + recipe.name());
    Path model = BuiltinModels.sourceFolder(project, recipe.name());
    ProgressBar progress = new ProgressBar(System.err);
    Comparison.Plan plan =
        new Comparison.Plan(
            COMPARED.stream().map(Variant::of).toList(),
            Optional.of(recipe.zeroShotTexts()),
            "en",
            true,
            new TrainingData.Settings(FeatureSet.HANDCRAFTED, 0.7, 0.1, augment, seed),
            (type, s) -> Experiments.defaults(type, s, cores));
    ComparisonTable table =
        Comparison.run(
            items,
            featurizer,
            plan,
            new Comparison.Listener() {
              @Override
              public java.util.function.IntConsumer fileDone() {
                return i -> progress.files("features", i + 1, items.size());
              }

              @Override
              public void done(String row, Evaluation test, double seconds) {
                System.err.printf(
                    "%s %s: accuracy %.3f, macro F1 %.3f (%.0f s)%n",
                    recipe.name(), row, test.accuracy(), test.macro().f1(), seconds);
              }

              @Override
              public void trained(Trained trained, TrainingData.Parts parts) throws IOException {
                if (!trained.variant().equals(recipe.shipped())) {
                  return;
                }
                deleteFolder(model);
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put("test_accuracy", trained.test().accuracy());
                metrics.put("test_macro_f1", trained.test().macro().f1());
                metrics.put("test_weighted_f1", trained.test().weighted().f1());
                metrics.put("test_files", (double) trained.test().n());
                WhisperModel whisper = featurizer.embedding().orElseThrow().model();
                Artifacts.save(
                    model,
                    recipe.name(),
                    trained.variant().features(),
                    trained.model(),
                    parts.train().inputShape(),
                    parts.scaling(),
                    whisper.id(),
                    whisper.version(),
                    metrics);
                EvaluationReport.writeAll(
                    trained.test(), trained.curve(), Optional.empty(), report.resolve("shipped"));
              }
            });
    Files.createDirectories(report);
    Files.writeString(report.resolve("comparison.txt"), table.text());
    table.writeJson(report.resolve("comparison.json"));
    System.out.println(recipe.name() + " (" + items.size() + " clips, seed " + seed + ")");
    System.out.print(table.text());
    System.out.printf(
        "saved %s (%s) to %s in %.0f s; reports in %s%n",
        recipe.name(), recipe.shipped().name(), model, (System.nanoTime() - start) / 1e9, report);
  }

  private static void deleteFolder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (var files = Files.walk(folder)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
