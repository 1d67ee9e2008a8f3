package dev.earshot.classify.cli;

import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.classify.features.FeatureExtractor;
import dev.earshot.classify.features.FeatureSettings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints how fast chunk features are extracted: audio seconds per wall second and per CPU second,
 * over one hour of 10 s chunks (a file's audio repeated, or speech-like noise when no file is
 * given), on every core.
 *
 * <p>Run it with {@code ./earshot classify bench [--file F] [--minutes N] [--threads T]}.
 */
public final class FeatureBenchmark {

  private FeatureBenchmark() {}

  /**
   * @param file audio to repeat, or null for generated speech-like bursts
   * @param threads worker threads; 0 means one per core
   */
  public static void run(Path file, int minutes, int threads, PrintStream out) throws Exception {
    float[] source;
    if (file != null) {
      source = AudioLoader.loadMono(file, 16_000);
    } else {
      source = new float[60 * 16_000];
      Random random = new Random(1);
      for (int i = 0; i < source.length; i++) {
        // Bursts of noise every half second, so pitch, onsets and silence all get work.
        double envelope = (i / 8000) % 2 == 0 ? 0.3 : 0.01;
        source[i] = (float) (random.nextGaussian() * envelope);
      }
    }
    int chunk = 10 * 16_000;
    int chunks = minutes * 6;
    FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.DEFAULT);
    extractor.extract(slice(source, 0, chunk)); // warm-up
    ThreadMXBean clock = ManagementFactory.getThreadMXBean();
    int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    long start = System.nanoTime();
    List<Future<Long>> cpu = new ArrayList<>();
    for (int t = 0; t < cores; t++) {
      int worker = t;
      cpu.add(
          pool.submit(
              () -> {
                long before = clock.getCurrentThreadCpuTime();
                for (int c = worker; c < chunks; c += cores) {
                  extractor.extract(slice(source, (long) c * chunk, chunk));
                }
                return clock.getCurrentThreadCpuTime() - before;
              }));
    }
    long cpuNanos = 0;
    for (Future<Long> f : cpu) {
      cpuNanos += f.get();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    double audio = chunks * 10.0;
    out.printf(
        "features: %.0f s of audio in %d chunks of 10 s on %d threads%n", audio, chunks, cores);
    out.printf(
        "wall %.1f s (%.0f audio s per wall s), CPU %.1f s (%.0f audio s per CPU s)%n",
        wall, audio / wall, cpuNanos / 1e9, audio / (cpuNanos / 1e9));
  }

  private static float[] slice(float[] source, long from, int length) {
    float[] out = new float[length];
    for (int i = 0; i < length; i++) {
      out[i] = source[(int) ((from + i) % source.length)];
    }
    return out;
  }
}
