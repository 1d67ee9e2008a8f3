package dev.earshot.pipeline.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.AssetException;
import dev.earshot.assets.Catalog;
import dev.earshot.assets.CatalogEntry;
import dev.earshot.assets.FetchSettings;
import dev.earshot.assets.ProgressListener;
import dev.earshot.assets.SourceFailure;
import dev.earshot.cli.Cli;
import dev.earshot.cli.ExitCodes;
import dev.earshot.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Command line over the {@link Catalog}: {@code fetch NAME...} fetches entries and prints their
 * local paths (a file for an asset, a folder for a group), one per line on stdout; {@code fetch
 * list} prints the catalogue; progress and fallbacks go to stderr. Exit code 0 on success, 1 when a
 * fetch failed, 2 for a usage error.
 */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches pinned, checksummed models and recordings into the cache:",
      "$EARSHOT_CACHE, else -Dearshot.cache, else ${XDG_CACHE_HOME:-~/.cache}/earshot."
    },
    subcommands = {
      FetchCommand.ListEntries.class,
      FetchCommand.Where.class,
      FetchCommand.Prune.class
    })
public final class FetchCommand implements Callable<Integer> {

  private final Path cacheRoot;

  @Spec CommandSpec spec;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr.")
  boolean quiet;

  @Option(names = "--all-small", description = "Everything but the models.")
  boolean allSmall;

  @Option(names = "--all", description = "Everything.")
  boolean all;

  @Parameters(arity = "0..*", paramLabel = "NAME", description = "Catalogue entries.")
  List<String> names = List.of();

  /** The default cache, as the launcher uses it. */
  public FetchCommand() {
    this(AssetCache.defaultRoot());
  }

  private FetchCommand(Path cacheRoot) {
    this.cacheRoot = cacheRoot;
  }

  static int run(String[] args, PrintStream out, PrintStream err, Path cacheRoot) {
    return Cli.configure(new CommandLine(new FetchCommand(cacheRoot)))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  /** Fetches entries and prints their paths; one that fails is reported and the rest go on. */
  @Override
  public Integer call() {
    List<CatalogEntry> entries;
    if (all || allSmall) {
      if (!names.isEmpty() || (all && allSmall)) {
        throw new UsageException("give names, --all-small or --all, not several");
      }
      entries = all ? Catalog.all() : Catalog.recordings();
    } else {
      entries = resolve(names);
    }
    AssetCache cache = cache(cacheRoot, quiet, err());
    int status = ExitCodes.OK;
    for (CatalogEntry entry : entries) {
      try {
        spec.commandLine().getOut().println(cache.fetch(entry));
      } catch (AssetException e) {
        err().println(spec.qualifiedName() + ": " + Cli.describe(e));
        status = ExitCodes.FAILURE;
      }
    }
    spec.commandLine().getOut().flush();
    err().flush();
    return status;
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private static AssetCache cache(Path root, boolean quiet, PrintWriter err) {
    FetchSettings settings = FetchSettings.defaults();
    if (!quiet) {
      settings = settings.withListener(new StderrProgress(err));
    }
    return new AssetCache(root, settings);
  }

  /** What the subcommands share: the cache and where their output goes. */
  abstract static class Subcommand implements Callable<Integer> {
    @ParentCommand FetchCommand root;
    @Spec CommandSpec spec;

    AssetCache cache(boolean quiet) {
      return FetchCommand.cache(root.cacheRoot, quiet, err());
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  /** The catalogue with what is cached. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the catalogue and what is cached.")
  static final class ListEntries extends Subcommand {
    @Override
    public Integer call() {
      AssetCache cache = cache(true);
      PrintWriter out = out();
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
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Where entries are cached, fetched or not. */
  @Command(
      name = "path",
      mixinStandardHelpOptions = true,
      description = "Print where entries are cached; fetch nothing.")
  static final class Where extends Subcommand {
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Catalogue entries.")
    List<String> names = List.of();

    @Override
    public Integer call() {
      AssetCache cache = cache(true);
      for (CatalogEntry entry : resolve(names)) {
        out().println(cache.locationOf(entry));
      }
      out().flush();
      return ExitCodes.OK;
    }
  }

  /** Frees the space of downloaded archives; what was extracted from them stays. */
  @Command(
      name = "prune",
      mixinStandardHelpOptions = true,
      description = "Delete cached archives (fetched files stay).")
  static final class Prune extends Subcommand {
    @Override
    public Integer call() throws IOException {
      AssetCache cache = cache(true);
      long deleted;
      try {
        deleted = cache.deleteArchives();
      } catch (IOException e) {
        throw new IOException("could not delete the archives in " + cache.root(), e);
      }
      out().println("Deleted " + size(deleted) + " of archives in " + cache.root());
      return ExitCodes.OK;
    }
  }

  private static List<CatalogEntry> resolve(List<String> names) {
    if (names.isEmpty()) {
      throw new UsageException("name at least one entry of the catalogue, or --all-small or --all");
    }
    List<CatalogEntry> entries = new ArrayList<>();
    for (String name : names) {
      Optional<CatalogEntry> entry = Catalog.find(name);
      if (entry.isEmpty()) {
        throw new UsageException(
            "unknown asset '"
                + name
                + "'; known: "
                + String.join(", ", Catalog.all().stream().map(CatalogEntry::name).toList()));
      }
      entries.add(entry.get());
    }
    return entries;
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

    private final PrintWriter err;
    private final ConcurrentMap<URI, Integer> reported = new ConcurrentHashMap<>();

    StderrProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void downloadStarted(URI uri, long totalBytes) {
      err.println("Downloading " + uri + (totalBytes >= 0 ? " (" + size(totalBytes) + ")" : ""));
      err.flush();
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
        err.flush();
      }
    }

    @Override
    public void downloadFinished(URI uri, long bytes) {
      reported.remove(uri);
    }

    @Override
    public void sourceFailed(SourceFailure failure) {
      if (failure.skipped()) {
        return; // the failure that made the host count as unreachable was reported already
      }
      err.println(
          "Source failed, trying the next if any: "
              + failure.source().describe()
              + ": "
              + failure.reason());
      err.flush();
    }
  }
}
