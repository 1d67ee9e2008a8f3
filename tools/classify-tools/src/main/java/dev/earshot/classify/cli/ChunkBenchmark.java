package dev.earshot.classify.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.classify.classifier.ChunkClassification;
import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.classify.classifier.ClassifierSpec;
import dev.earshot.classify.classifier.Prediction;
import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSettings;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Prints what classify-service spends on one chunk: the service's classifiers (the built-in ones
 * unless told otherwise) over chunks of 1, 10 and 30 s of real speech (the JFK sample, repeated to
 * fill 30 s), one at a time on every core as the service runs them, median milliseconds per chunk
 * split into features (the DSP features and the Whisper embedding) and the classifiers' inference,
 * and the DSP features alone, timed apart.
 *
 * <p>Run it with {@code ./earshot classify bench --chunks [--repeats N] [--classifier ...]}.
 */
final class ChunkBenchmark {

  static final double[] SECONDS = {1, 10, 30};

  private ChunkBenchmark() {}

  static void run(List<ClassifierSpec> specs, String whisper, int repeats, PrintStream out)
      throws Exception {
    AssetCache cache = AssetCache.atDefaultLocation();
    float[] jfk = AudioLoader.loadMono(cache.fetch(Catalog.JFK_WAV), 16_000);
    try (ClassifierSet set = ClassifierSet.open(specs, whisper, 0, cache)) {
      ChunkClassification classification = set.classification();
      out.printf(
          "classifiers %s, Whisper %s, encoder int8 weights %s, %d cores, median of %d chunks%n",
          specs.stream().map(ClassifierSpec::name).toList(),
          whisper,
          System.getProperty("earshot.whisper.int8-weights", "auto"),
          Runtime.getRuntime().availableProcessors(),
          repeats);
      out.printf(
          "%8s %10s %12s %14s %8s%n", "chunk", "ms/chunk", "features ms", "inference ms", "DSP ms");
      FeatureExtractor dsp = new FeatureExtractor(FeatureSettings.DEFAULT);
      for (double seconds : SECONDS) {
        float[] chunk = new float[(int) (seconds * 16_000)];
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = jfk[i % jfk.length];
        }
        // The first calls pay for JIT compilation and ONNX Runtime's first run of each shape.
        for (int i = 0; i < 2; i++) {
          classification.classify(chunk);
        }
        double[] total = new double[repeats];
        double[] features = new double[repeats];
        double[] inference = new double[repeats];
        double[] dspMs = new double[repeats];
        for (int i = 0; i < repeats; i++) {
          long dspStart = System.nanoTime();
          dsp.extract(chunk);
          dspMs[i] = (System.nanoTime() - dspStart) / 1e6;
          long start = System.nanoTime();
          ChunkClassification.Result result = classification.classify(chunk);
          total[i] = (System.nanoTime() - start) / 1e6;
          features[i] = result.featureMs();
          inference[i] = result.predictions().stream().mapToDouble(Prediction::inferenceMs).sum();
        }
        out.printf(
            "%6.0f s %10.0f %12.0f %14.1f %8.0f%n",
            seconds, median(total), median(features), median(inference), median(dspMs));
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
  }
}
