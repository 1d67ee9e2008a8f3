package dev.earshot.classify.data;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Clip plans in, a labelled dataset out: {@code out/<label>/<name>.wav} (16 kHz mono 16-bit) and
 * {@code out/manifest.tsv} with the columns {@code file, label, source, group, detail}, rows in
 * plan order. Clips are made on several threads; each from a generator seeded by the dataset seed
 * and the clip's name, so the same plans and seed give the same bytes.
 */
public final class DatasetWriter {

  public static final String MANIFEST = "manifest.tsv";
  public static final String HEADER = "file\tlabel\tsource\tgroup\tdetail";

  private DatasetWriter() {}

  /** What was written: clip counts by label and source, and seconds of audio by label. */
  public record Summary(Map<String, Map<String, Integer>> counts, Map<String, Double> seconds) {

    public int total() {
      return counts.values().stream()
          .flatMap(m -> m.values().stream())
          .mapToInt(Integer::intValue)
          .sum();
    }

    public int count(String label) {
      return counts.getOrDefault(label, Map.of()).values().stream().mapToInt(i -> i).sum();
    }

    /** A table of clips per label (rows) and source (columns), with totals. */
    public void print(PrintStream out) {
      List<String> sources =
          counts.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
      StringBuilder head = new StringBuilder(String.format("%-10s", "label"));
      sources.forEach(s -> head.append(String.format(" %" + width(s) + "s", s)));
      out.println(head.append(String.format(" %6s %8s", "total", "seconds")));
      for (Map.Entry<String, Map<String, Integer>> row : counts.entrySet()) {
        StringBuilder line = new StringBuilder(String.format("%-10s", row.getKey()));
        for (String s : sources) {
          line.append(String.format(" %" + width(s) + "d", row.getValue().getOrDefault(s, 0)));
        }
        line.append(String.format(" %6d %8.0f", count(row.getKey()), seconds.get(row.getKey())));
        out.println(line);
      }
      StringBuilder total = new StringBuilder(String.format("%-10s", "total"));
      for (String s : sources) {
        int n = counts.values().stream().mapToInt(m -> m.getOrDefault(s, 0)).sum();
        total.append(String.format(" %" + width(s) + "d", n));
      }
      double secs = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
      out.println(total.append(String.format(" %6d %8.0f", total(), secs)));
    }

    private static int width(String source) {
      return Math.max(5, source.length());
    }
  }

  /**
   * Writes the dataset, replacing one written before into the same folder; refuses a folder that
   * holds anything else.
   *
   * @param progress told about every 100th clip; may be null
   */
  public static Summary write(
      Path out, List<ClipPlan> plans, long seed, int threads, PrintStream progress)
      throws IOException {
    checkUnique(plans);
    prepare(out);
    for (String label : plans.stream().map(ClipPlan::label).distinct().toList()) {
      Files.createDirectories(out.resolve(label));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    List<Future<Integer>> lengths = new ArrayList<>();
    try {
      for (ClipPlan plan : plans) {
        lengths.add(pool.submit(() -> writeClip(out, plan, seed)));
      }
      Map<String, Map<String, Integer>> counts = new TreeMap<>();
      Map<String, Double> seconds = new TreeMap<>();
      StringBuilder manifest = new StringBuilder(HEADER).append('\n');
      for (int i = 0; i < plans.size(); i++) {
        ClipPlan plan = plans.get(i);
        int samples = await(lengths.get(i), plan);
        counts
            .computeIfAbsent(plan.label(), l -> new TreeMap<>())
            .merge(plan.source(), 1, Integer::sum);
        seconds.merge(plan.label(), samples / (double) Synthesiser.SAMPLE_RATE, Double::sum);
        manifest.append(
            String.join(
                "\t", plan.file(), plan.label(), plan.source(), plan.group(), plan.detail()));
        manifest.append('\n');
        if (progress != null && (i + 1) % 100 == 0) {
          progress.printf("  %d of %d clips%n", i + 1, plans.size());
        }
      }
      Files.writeString(out.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
      return new Summary(counts, seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The seed of one clip's generator: the dataset seed mixed with the clip's name (FNV-1a). */
  static long clipSeed(long seed, String name) {
    long h = 0xcbf29ce484222325L ^ seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0x100000001b3L;
    }
    return h ^ (h >>> 31);
  }

  private static int writeClip(Path out, ClipPlan plan, long seed) throws IOException {
    float[] samples = plan.renderer().render(new Random(clipSeed(seed, plan.name())));
    if (samples.length == 0) {
      throw new IOException("clip " + plan.name() + " came out empty");
    }
    Wav.write(out.resolve(plan.file()), samples, Synthesiser.SAMPLE_RATE);
    return samples.length;
  }

  private static int await(Future<Integer> length, ClipPlan plan) throws IOException {
    try {
      return length.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making " + plan.name());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IOException(
          "cannot make clip " + plan.file() + " (" + plan.detail() + "): " + cause.getMessage(),
          cause);
    }
  }

  private static void checkUnique(List<ClipPlan> plans) {
    Set<String> names = new HashSet<>();
    for (ClipPlan plan : plans) {
      if (!names.add(plan.name())) {
        throw new IllegalArgumentException("two clips named " + plan.name());
      }
    }
    if (plans.isEmpty()) {
      throw new IllegalArgumentException("no clips to write");
    }
  }

  /** Empties a folder this class wrote before; creates it if missing. */
  private static void prepare(Path out) throws IOException {
    Files.createDirectories(out);
    List<Path> entries;
    try (Stream<Path> list = Files.list(out)) {
      entries = list.toList();
    }
    if (entries.isEmpty()) {
      return;
    }
    if (!Files.isRegularFile(out.resolve(MANIFEST))) {
      throw new IOException(
          out + " is not empty and holds no " + MANIFEST + ": refusing to write a dataset there");
    }
    for (Path entry : entries) {
      try (Stream<Path> walk = Files.walk(entry)) {
        walk.sorted(Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.delete(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }
}
