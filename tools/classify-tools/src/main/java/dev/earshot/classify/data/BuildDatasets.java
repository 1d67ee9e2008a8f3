package dev.earshot.classify.data;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.AssetException;
import dev.earshot.assets.FetchSettings;
import dev.earshot.assets.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Command line: builds the default datasets from audio the project fetches itself (pinned,
 * checksummed, cached outside the repository) and prints a table of clips per label and source.
 *
 * <pre>
 * BuildDatasets --out DIR [--seed N] [--only digits|sound-type] [--per-class N] [--threads N]
 * </pre>
 *
 * writes {@code DIR/sound-type/} and {@code DIR/digits/}, each {@code <label>/*.wav} plus {@code
 * manifest.tsv}. Exit code 0 on success, 1 on failure, 2 for a usage error.
 */
public final class BuildDatasets {

  static final String USAGE =
      """
      Usage: BuildDatasets --out DIR [--seed N] [--only digits|sound-type] [--per-class N] [--threads N]
        Writes DIR/sound-type/<speech|music|other>/*.wav and DIR/digits/<zero..nine|unknown|silence>/*.wav,
        each with manifest.tsv (file, label, source, group, detail). Same seed, same bytes.
        Defaults: --seed 1, both datasets, 300 clips per sound-type label and 120 per digits label,
        threads = processors. Downloads about 215 MB into the asset cache the first time.
      """;

  private BuildDatasets() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code); // only on failure, so that Maven's exec:java can run it in its own JVM
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path dir = null;
    long seed = 1;
    String only = null;
    Integer perClass = null;
    int threads = Runtime.getRuntime().availableProcessors();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> dir = Path.of(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--only" -> only = args[++i];
          case "--per-class" -> perClass = Integer.parseInt(args[++i]);
          case "--threads" -> threads = Integer.parseInt(args[++i]);
          case "-h", "--help" -> {
            out.print(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("--out is required");
      }
      if (only != null && !List.of("digits", "sound-type").contains(only)) {
        throw new IllegalArgumentException("--only takes digits or sound-type, not " + only);
      }
      if (perClass != null && perClass < 1 || threads < 1) {
        throw new IllegalArgumentException("--per-class and --threads must be positive");
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println(e instanceof ArrayIndexOutOfBoundsException ? "missing value" : e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      long started = System.nanoTime();
      AssetCache cache =
          AssetCache.atDefaultLocation(FetchSettings.defaults().withListener(new Downloads(err)));
      err.println("Fetching sources into " + cache.root() + " ...");
      Library library = Library.fetch(cache);
      Synthesiser synthesiser = Synthesiser.fetch(cache);
      DefaultDatasets datasets = new DefaultDatasets(library, synthesiser, threads, err);
      if (only == null || only.equals("sound-type")) {
        Path target = dir.resolve("sound-type");
        err.println("Writing " + target + " ...");
        DatasetWriter.Summary summary =
            perClass == null
                ? datasets.soundType(target, seed)
                : datasets.soundType(target, seed, perClass);
        out.println("sound-type: " + summary.total() + " clips in " + target);
        summary.print(out);
      }
      if (only == null || only.equals("digits")) {
        Path target = dir.resolve("digits");
        err.println("Writing " + target + " ...");
        DatasetWriter.Summary summary =
            perClass == null
                ? datasets.digits(target, seed)
                : datasets.digits(target, seed, perClass);
        out.println("digits: " + summary.total() + " clips in " + target);
        summary.print(out);
      }
      out.printf("done in %.0f s%n", (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (AssetException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("cannot build the datasets: " + e.getMessage());
      return 1;
    }
  }

  /** Prints one line per download, at its end. */
  private record Downloads(PrintStream err) implements ProgressListener {
    @Override
    public void downloadFinished(URI uri, long bytes) {
      err.printf("  fetched %s (%.1f MB)%n", uri, bytes / 1e6);
    }
  }
}
