package dev.earshot.assets;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Command line over the {@link Catalog}: {@code list} prints it, {@code fetch NAME...} fetches
 * entries and prints their local paths (a file for an asset, a folder for a group), one per line on
 * stdout; progress and fallbacks go to stderr. Exit code 0 on success, 1 when a fetch failed, 2 for
 * a usage error.
 */
public final class FetchCommand {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT =
      """
      Usage: FetchCommand list                          list the catalogue and what is cached
             FetchCommand fetch [-q] NAME...            fetch entries, print their local paths
             FetchCommand fetch [-q] --all-small        fetch everything but the models
             FetchCommand fetch [-q] --all              fetch everything
             FetchCommand path NAME...                  print where entries are cached, fetch nothing
             FetchCommand prune                         delete cached archives (fetched files stay)
      Cache: $EARSHOT_CACHE, else -Dearshot.cache, else ${XDG_CACHE_HOME:-~/.cache}/earshot
      """;

  private FetchCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, AssetCache.defaultRoot()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, Path cacheRoot) {
    if (args.length == 0) {
      err.print(USAGE_TEXT);
      return USAGE;
    }
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    boolean quiet = rest.remove("-q") | rest.remove("--quiet");
    FetchSettings settings = FetchSettings.defaults();
    if (!quiet) {
      settings = settings.withListener(new StderrProgress(err));
    }
    AssetCache cache = new AssetCache(cacheRoot, settings);
    return switch (args[0]) {
      case "list" -> list(cache, out);
      case "fetch" -> fetch(cache, rest, out, err);
      case "path" -> path(cache, rest, out, err);
      case "prune" -> prune(cache, out, err);
      case "-h", "--help", "help" -> {
        out.print(USAGE_TEXT);
        yield OK;
      }
      default -> {
        err.println("Unknown command: " + args[0]);
        err.print(USAGE_TEXT);
        yield USAGE;
      }
    };
  }

  private static int list(AssetCache cache, PrintStream out) {
    out.println("Cache: " + cache.root());
    out.printf("%-22s %5s %10s  %-6s  %s%n", "NAME", "FILES", "SIZE", "CACHED", "DESCRIPTION");
    for (CatalogEntry entry : Catalog.all()) {
      out.printf(
          "%-22s %5d %10s  %-6s  %s%n",
          entry.name(),
          entry.files().size(),
          size(entry.totalSize()),
          cache.isCached(entry) ? "yes" : "no",
          entry.description());
    }
    return OK;
  }

  private static int fetch(AssetCache cache, List<String> names, PrintStream out, PrintStream err) {
    List<CatalogEntry> entries;
    if (names.equals(List.of("--all-small"))) {
      entries = Catalog.recordings();
    } else if (names.equals(List.of("--all"))) {
      entries = Catalog.all();
    } else {
      Optional<List<CatalogEntry>> found = resolve(names, err);
      if (found.isEmpty()) {
        return USAGE;
      }
      entries = found.get();
    }
    int status = OK;
    for (CatalogEntry entry : entries) {
      try {
        out.println(cache.fetch(entry));
      } catch (AssetException e) {
        err.println(e.getMessage());
        status = FAILED;
      }
    }
    return status;
  }

  private static int path(AssetCache cache, List<String> names, PrintStream out, PrintStream err) {
    Optional<List<CatalogEntry>> found = resolve(names, err);
    if (found.isEmpty()) {
      return USAGE;
    }
    for (CatalogEntry entry : found.get()) {
      out.println(cache.locationOf(entry));
    }
    return OK;
  }

  private static int prune(AssetCache cache, PrintStream out, PrintStream err) {
    try {
      out.println("Deleted " + size(cache.deleteArchives()) + " of archives in " + cache.root());
      return OK;
    } catch (IOException e) {
      err.println("Could not delete archives in " + cache.root() + ": " + e.getMessage());
      return FAILED;
    }
  }

  private static Optional<List<CatalogEntry>> resolve(List<String> names, PrintStream err) {
    if (names.isEmpty() || names.stream().anyMatch(name -> name.startsWith("-"))) {
      err.print(USAGE_TEXT);
      return Optional.empty();
    }
    List<CatalogEntry> entries = new ArrayList<>();
    for (String name : names) {
      Optional<CatalogEntry> entry = Catalog.find(name);
      if (entry.isEmpty()) {
        err.println(
            "Unknown asset: "
                + name
                + " (known: "
                + String.join(", ", Catalog.all().stream().map(CatalogEntry::name).toList())
                + ")");
        return Optional.empty();
      }
      entries.add(entry.get());
    }
    return Optional.of(entries);
  }

  static String size(long bytes) {
    if (bytes < 0) {
      return "?";
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  /** Reports downloads over 10 MB in 10 % steps, and every source that failed. */
  private static final class StderrProgress implements ProgressListener {

    private static final long LARGE = 10_000_000;

    private final PrintStream err;
    private final ConcurrentMap<URI, Integer> reported = new ConcurrentHashMap<>();

    StderrProgress(PrintStream err) {
      this.err = err;
    }

    @Override
    public void downloadStarted(URI uri, long totalBytes) {
      err.println("Downloading " + uri + (totalBytes >= 0 ? " (" + size(totalBytes) + ")" : ""));
      reported.put(uri, 0);
    }

    @Override
    public void downloadProgress(URI uri, long bytesDone, long totalBytes) {
      if (totalBytes < LARGE) {
        return;
      }
      int tenths = (int) (bytesDone * 10 / totalBytes);
      Integer before = reported.put(uri, tenths);
      if (before != null && tenths > before && tenths < 10) {
        err.println("  " + tenths * 10 + " % of " + size(totalBytes));
      }
    }

    @Override
    public void downloadFinished(URI uri, long bytes) {
      reported.remove(uri);
    }

    @Override
    public void sourceFailed(SourceFailure failure) {
      if (failure.reason().startsWith(Downloader.SKIPPED)) {
        return; // the failure that made the host count as unreachable was reported already
      }
      err.println(
          "Source failed, trying the next if any: "
              + failure.source().describe()
              + ": "
              + failure.reason());
    }
  }
}
