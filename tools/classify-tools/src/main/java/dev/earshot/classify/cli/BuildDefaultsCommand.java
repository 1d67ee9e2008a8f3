package dev.earshot.classify.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.classifier.BuiltinModels;
import dev.earshot.classify.data.DefaultDatasets;
import dev.earshot.classify.data.Library;
import dev.earshot.classify.data.RealSounds;
import dev.earshot.classify.data.Synthesiser;
import dev.earshot.classify.evaluate.ComparisonTable;
import dev.earshot.classify.evaluate.Evaluation;
import dev.earshot.classify.evaluate.EvaluationReport;
import dev.earshot.classify.experiment.Comparison;
import dev.earshot.classify.experiment.Experiments;
import dev.earshot.classify.experiment.LeaveOneSourceOut;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        "Rebuild the built-in sound-type classifier from fetched audio, with the comparison table"
            + " of every model type on the held-out test voices and sources, and its score on each"
            + " source it never saw. (The built-in digits classifier is a word spotter over"
            + " Whisper and is not trained.)")
public class BuildDefaultsCommand implements Callable<Integer> {

  /** What each built-in classifier is built from and which variant ships. */
  record Recipe(String name, Variant shipped, Map<String, String> zeroShotTexts) {}

  static final List<Recipe> RECIPES =
      List.of(
          new Recipe(
              "sound-type",
              Variant.of("mlp:whisper"),
              Map.of("speech", "Hello.", "music", "[Music]", "other", "[Noise]")));

  /** Made, not recorded: they train, and are never held out or scored. */
  static final Set<String> SYNTHETIC_FAMILIES = Set.of("espeak", "sox");

  /** Made from a recorded family's sounds: held out with it, never scored. */
  static final Set<String> MADE_SOURCES = Set.of("lmms-sequence");

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

  @Option(names = "--only", description = "sound-type (the one trained built-in).")
  String only;

  @Option(
      names = "--loso",
      negatable = true,
      defaultValue = "true",
      description =
          "Also train the shipped variant once per source family left out and score it there"
              + " (default on).")
  boolean loso;

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
          new DefaultDatasets(
              Library.fetch(cache),
              recipe.name().equals("sound-type")
                  ? RealSounds.fetch(cache, root.resolve("unpacked"), System.err)
                  : RealSounds.none(),
              Synthesiser.fetch(cache),
              cores,
              System.err);
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
                WhisperEmbedding embedding = featurizer.embedding().orElseThrow();
                WhisperModel whisper = embedding.model();
                Artifacts.save(
                    model,
                    recipe.name(),
                    trained.variant().features(),
                    trained.model(),
                    parts.train().inputShape(),
                    parts.scaling(),
                    whisper.id(),
                    whisper.version(),
                    embedding.windowSeconds(),
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
    if (loso) {
      // The manifest names each clip's source (file, label, source, group, detail).
      Map<Path, String> sources = new HashMap<>();
      for (String line : Files.readAllLines(data.resolve("manifest.tsv"))) {
        String[] f = line.split("\t");
        if (f.length > 2 && !f[0].equals("file")) {
          sources.put(data.resolve(f[0]).toAbsolutePath().normalize(), f[2]);
        }
      }
      List<String> families = new ArrayList<>();
      List<Boolean> scored = new ArrayList<>();
      for (LabelledAudio item : items) {
        String source = sources.get(item.file().toAbsolutePath().normalize());
        families.add(RealSounds.family(source));
        scored.add(!MADE_SOURCES.contains(source));
      }
      LeaveOneSourceOut.Result result =
          LeaveOneSourceOut.run(
              items,
              families,
              scored,
              SYNTHETIC_FAMILIES,
              featurizer,
              recipe.shipped(),
              new TrainingData.Settings(FeatureSet.HANDCRAFTED, 0.7, 0.1, 0, seed),
              Experiments.defaults(recipe.shipped().type(), seed, cores),
              i -> progress.files("leave-one-source-out", i + 1, items.size()));
      Files.writeString(report.resolve("leave-one-source-out.txt"), result.text());
      System.out.println(
          recipe.name() + " " + recipe.shipped().name() + ", each source family left out:");
      System.out.print(result.text());
    }
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
