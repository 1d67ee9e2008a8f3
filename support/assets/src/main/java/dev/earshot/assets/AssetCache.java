package dev.earshot.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Fetches {@link Asset}s into a cache folder outside the repository and returns local paths whose
 * sha256 has been verified; every source of an asset is tried in order until one delivers the
 * pinned bytes.
 *
 * <p>Layout under {@link #root()}:
 *
 * <pre>
 * assets/NAME/FILE              fetched files, the paths callers get (a group: one folder)
 * archives/SHA256/FILE          npm tarballs and .deb files, kept so more members cost no download
 * verified/PATH.sha256          verification stamps (see below)
 * verified/trees/NAME.files     what a {@link DebianTree} extracted: sha256, size, path per line
 * tmp/                          partial downloads; moved into place only once verified
 * locks/                        lock files that let concurrent JVMs share the cache
 * </pre>
 *
 * <p>Verification: a file is hashed in full the first time it is found (or after it was written),
 * and a stamp of {@code sha256 size mtime file-key} is written next to it under {@code verified/}.
 * Later uses trust the file while its size, modification time and file key (inode) still match the
 * stamp, so a 77 MB model is not re-hashed at every start, yet a file replaced or edited in place
 * is hashed again, and re-fetched if it no longer matches.
 *
 * <p>Concurrency: downloads go to uniquely named temporary files and are moved into place
 * atomically after verification, so readers never see a partial file. An in-JVM lock plus a {@link
 * FileLock} per asset and per archive make concurrent threads and JVMs (e.g. parallel test forks)
 * wait for one download instead of repeating it.
 */
public final class AssetCache {

  public static final String CACHE_ENV = "EARSHOT_CACHE";
  public static final String CACHE_PROPERTY = "earshot.cache";

  private final Path root;
  private final FetchSettings settings;
  private final Downloader downloader;
  private final Stamps stamps;
  private final TempFiles temps;
  private final CacheLocks locks;
  private final DebianTrees trees;

  public AssetCache(Path root) {
    this(root, FetchSettings.defaults());
  }

  public AssetCache(Path root, FetchSettings settings) {
    this.root = root.toAbsolutePath().normalize();
    this.settings = settings;
    this.downloader = new Downloader(settings);
    this.stamps = new Stamps(this.root);
    this.temps = new TempFiles(this.root);
    this.locks = new CacheLocks(this.root);
    this.trees = new DebianTrees(this.root, temps, this::folderOf);
  }

  /** A cache at {@link #defaultRoot()}. */
  public static AssetCache atDefaultLocation() {
    return new AssetCache(defaultRoot());
  }

  public static AssetCache atDefaultLocation(FetchSettings settings) {
    return new AssetCache(defaultRoot(), settings);
  }

  /**
   * The environment variable {@value #CACHE_ENV}, else the system property {@value
   * #CACHE_PROPERTY}, else {@code $XDG_CACHE_HOME/earshot}, else {@code ~/.cache/earshot}.
   */
  public static Path defaultRoot() {
    return defaultRoot(System.getenv(), System.getProperties());
  }

  static Path defaultRoot(Map<String, String> env, Properties properties) {
    String home = properties.getProperty("user.home");
    String explicit = env.get(CACHE_ENV);
    if (explicit == null || explicit.isBlank()) {
      explicit = properties.getProperty(CACHE_PROPERTY);
    }
    if (explicit != null && !explicit.isBlank()) {
      String path = explicit.trim();
      if (path.equals("~") || path.startsWith("~/")) {
        return Path.of(home, path.substring(1).replaceFirst("^/", ""));
      }
      return Path.of(path).toAbsolutePath();
    }
    String xdg = env.get("XDG_CACHE_HOME");
    // The XDG spec says relative values are invalid and must be ignored.
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(home, ".cache");
    return base.resolve("earshot");
  }

  public Path root() {
    return root;
  }

  public FetchSettings settings() {
    return settings;
  }

  /** Where {@link #fetch(Asset)} puts the asset. */
  public Path pathOf(Asset asset) {
    return root.resolve("assets").resolve(asset.name()).resolve(asset.fileName());
  }

  /** The folder {@link #fetchAll(AssetGroup)} fills. */
  public Path folderOf(AssetGroup group) {
    return root.resolve("assets").resolve(group.name());
  }

  /** The folder {@link #fetchTree(DebianTree)} fills, with the packages' layout. */
  public Path folderOf(DebianTree tree) {
    return root.resolve("assets").resolve(tree.name());
  }

  /** Where {@link #fetch(CatalogEntry)} puts the entry: a file for an asset, else a folder. */
  public Path locationOf(CatalogEntry entry) {
    if (entry instanceof Asset asset) {
      return pathOf(asset);
    }
    if (entry instanceof DebianTree tree) {
      return folderOf(tree);
    }
    return folderOf((AssetGroup) entry);
  }

  /** Whether every file of the entry is in the cache and verified; downloads nothing. */
  public boolean isCached(CatalogEntry entry) {
    try {
      if (entry instanceof DebianTree tree) {
        return trees.isComplete(tree);
      }
      return unverified(plan(entry)).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the verified local file, downloading it if it is missing or does not verify. */
  public Path fetch(Asset asset) throws AssetException {
    fetch("asset '" + asset.name() + "'", asset.name(), plan(asset));
    return pathOf(asset);
  }

  /** Returns the group's folder with every file verified at its relative path. */
  public Path fetchAll(AssetGroup group) throws AssetException {
    fetch("group '" + group.name() + "'", group.name(), plan(group));
    return folderOf(group);
  }

  /**
   * Returns the tree's folder holding every file under the tree's folders of its packages. Each
   * {@code .deb} is downloaded once and verified against its pin; the files are extracted into a
   * temporary folder that replaces the old one only when complete. A listing of what was extracted
   * (path, sha256, size) is kept under {@code verified/}; the tree is extracted again when a file
   * is missing or its size changed.
   */
  public Path fetchTree(DebianTree tree) throws AssetException {
    String what = "tree '" + tree.name() + "'";
    try {
      if (trees.isComplete(tree)) {
        return folderOf(tree);
      }
      try (CacheLocks.Lock lock = locks.lock("asset-" + tree.name())) {
        if (!trees.isComplete(tree)) {
          trees.extract(
              tree,
              deb ->
                  archive(
                      new ArchiveKey(deb.uri(), deb.sha256(), deb.fileName(), ArchiveFormat.DEB)));
        }
      }
      return folderOf(tree);
    } catch (IOException | UncheckedIOException e) {
      throw new AssetException(
          "Could not fetch " + what + " into the cache " + root + ": " + e.getMessage(), e);
    }
  }

  /** Fetches any entry: the file of an asset, the folder of a group or a tree. */
  public Path fetch(CatalogEntry entry) throws AssetException {
    if (entry instanceof Asset asset) {
      return fetch(asset);
    }
    if (entry instanceof DebianTree tree) {
      return fetchTree(tree);
    }
    return fetchAll((AssetGroup) entry);
  }

  /** Deletes the cached archives (fetched files stay); returns the bytes freed. */
  public long deleteArchives() throws IOException {
    Path archives = root.resolve("archives");
    if (!Files.isDirectory(archives)) {
      return 0;
    }
    long[] freed = {0};
    Files.walkFileTree(
        archives,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            freed[0] += attrs.size();
            Files.delete(file);
            Files.deleteIfExists(stamps.markerOf(file));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
    return freed[0];
  }

  private record Pending(Asset asset, Path target) {}

  private record ArchiveKey(URI uri, String sha256, String fileName, ArchiveFormat format) {
    static ArchiveKey of(ArchiveMember member) {
      return new ArchiveKey(
          member.archiveUri(), member.archiveSha256(), member.archiveFileName(), member.format());
    }
  }

  private List<Pending> plan(CatalogEntry entry) {
    List<Pending> plan = new ArrayList<>();
    if (entry instanceof Asset asset) {
      plan.add(new Pending(asset, pathOf(asset)));
    } else {
      Path folder = folderOf((AssetGroup) entry);
      for (Asset file : entry.files()) {
        plan.add(new Pending(file, folder.resolve(file.fileName())));
      }
    }
    return plan;
  }

  private void fetch(String what, String lockName, List<Pending> wanted) throws AssetException {
    try {
      List<Pending> missing = unverified(wanted);
      if (missing.isEmpty()) {
        return;
      }
      try (CacheLocks.Lock lock = locks.lock("asset-" + lockName)) {
        missing = unverified(missing); // another thread or JVM may have fetched them meanwhile
        if (!missing.isEmpty()) {
          download(what, missing);
        }
      }
    } catch (AssetException e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      throw new AssetException(
          "Could not fetch " + what + " into the cache " + root + ": " + e.getMessage(), e);
    }
  }

  private List<Pending> unverified(List<Pending> pending) throws IOException {
    List<Pending> missing = new ArrayList<>();
    for (Pending p : pending) {
      if (!stamps.isVerified(p.target(), p.asset().sha256(), p.asset().size())) {
        missing.add(p);
      }
    }
    return missing;
  }

  private void download(String what, List<Pending> missing) throws AssetException {
    Map<Pending, List<SourceFailure>> failures = new LinkedHashMap<>();
    for (Pending p : missing) {
      failures.put(p, new ArrayList<>());
    }
    List<Pending> remaining = new ArrayList<>(missing);
    // Round r tries the r-th source of every file still missing, so that files sharing an
    // archive are extracted together from one download.
    for (int round = 0; !remaining.isEmpty(); round++) {
      int r = round;
      List<Pending> now = remaining.stream().filter(p -> p.asset().sources().size() > r).toList();
      if (now.isEmpty()) {
        break;
      }
      Map<ArchiveKey, List<Pending>> byArchive = new LinkedHashMap<>();
      for (Pending p : now) {
        Source source = p.asset().sources().get(r);
        if (source instanceof HttpFile file) {
          String problem = fetchFile(p, file);
          if (problem == null) {
            remaining.remove(p);
          } else {
            fail(failures, p, source, problem);
          }
        } else {
          byArchive
              .computeIfAbsent(ArchiveKey.of((ArchiveMember) source), k -> new ArrayList<>())
              .add(p);
        }
      }
      for (Map.Entry<ArchiveKey, List<Pending>> archive : byArchive.entrySet()) {
        Map<Pending, String> problems = fetchMembers(archive.getKey(), archive.getValue(), r);
        for (Pending p : archive.getValue()) {
          String problem = problems.get(p);
          if (problem == null) {
            remaining.remove(p);
          } else {
            fail(failures, p, p.asset().sources().get(r), problem);
          }
        }
      }
    }
    if (!remaining.isEmpty()) {
      throw failure(what, missing.size(), remaining, failures);
    }
  }

  private void fail(
      Map<Pending, List<SourceFailure>> failures, Pending p, Source source, String reason) {
    SourceFailure failure = new SourceFailure(p.asset().name(), source, reason);
    failures.get(p).add(failure);
    settings.listener().sourceFailed(failure);
  }

  private static AssetException failure(
      String what, int tried, List<Pending> remaining, Map<Pending, List<SourceFailure>> failures) {
    StringBuilder message = new StringBuilder("Could not fetch ").append(what);
    String indent = "  ";
    if (tried == 1) {
      Asset asset = remaining.get(0).asset();
      message.append(" (").append(asset.fileName()).append(", sha256 ").append(asset.sha256());
      message.append("): every source failed:");
    } else {
      message.append(": ").append(remaining.size()).append(" of ").append(tried);
      message.append(" missing files could not be fetched:");
      indent = "    ";
    }
    List<SourceFailure> all = new ArrayList<>();
    for (Pending p : remaining) {
      if (tried != 1) {
        message.append("\n  ").append(p.asset().fileName());
        message.append(" (sha256 ").append(p.asset().sha256()).append("):");
      }
      int n = 1;
      for (SourceFailure f : failures.get(p)) {
        message.append('\n').append(indent).append(n++).append(". ");
        message.append(f.source().describe()).append(": ").append(f.reason());
        all.add(f);
      }
    }
    return new AssetException(message.toString(), all);
  }

  /** Downloads one file; returns null on success, else why it failed. */
  private String fetchFile(Pending p, HttpFile source) {
    Path temp = null;
    try {
      temp = temps.newFile();
      Downloader.Result result = downloader.download(source.url(), temp, p.asset().size());
      String problem = check(p.asset(), result.sha256(), result.size());
      if (problem != null) {
        return problem;
      }
      stamps.install(temp, p.target(), p.asset().sha256());
      return null;
    } catch (IOException e) {
      return reason(e);
    } finally {
      TempFiles.deleteQuietly(temp);
    }
  }

  /** Extracts the members one archive source provides; returns why each failed one failed. */
  private Map<Pending, String> fetchMembers(ArchiveKey key, List<Pending> pending, int round) {
    Map<Pending, String> problems = new LinkedHashMap<>();
    Path archive;
    try {
      archive = archive(key);
    } catch (IOException e) {
      pending.forEach(p -> problems.put(p, reason(e)));
      return problems;
    }
    Map<String, List<Pending>> byMember = new LinkedHashMap<>();
    for (Pending p : pending) {
      String member = ((ArchiveMember) p.asset().sources().get(round)).memberPath();
      byMember.computeIfAbsent(member, m -> new ArrayList<>()).add(p);
    }
    Map<String, ArchiveExtractor.Extracted> extracted = Map.of();
    try {
      extracted = ArchiveExtractor.extract(archive, key.format(), byMember.keySet(), temps.dir());
      for (Map.Entry<String, List<Pending>> member : byMember.entrySet()) {
        ArchiveExtractor.Extracted found = extracted.get(member.getKey());
        List<Pending> wanting = member.getValue();
        for (int i = 0; i < wanting.size(); i++) {
          Pending p = wanting.get(i);
          if (found == null) {
            problems.put(p, "no member " + member.getKey() + " in " + key.fileName());
            continue;
          }
          String problem = check(p.asset(), found.sha256(), found.size());
          if (problem != null) {
            problems.put(p, problem);
            continue;
          }
          Path file = found.file();
          if (i < wanting.size() - 1) {
            file = temps.newFile();
            Files.copy(found.file(), file, StandardCopyOption.REPLACE_EXISTING);
          }
          stamps.install(file, p.target(), p.asset().sha256());
        }
      }
    } catch (IOException e) {
      String problem = "cannot extract from " + key.fileName() + ": " + reason(e);
      pending.stream().filter(p -> !isInstalled(p)).forEach(p -> problems.putIfAbsent(p, problem));
    } finally {
      extracted.values().forEach(x -> TempFiles.deleteQuietly(x.file()));
    }
    return problems;
  }

  private boolean isInstalled(Pending p) {
    try {
      return stamps.isVerified(p.target(), p.asset().sha256(), p.asset().size());
    } catch (IOException e) {
      return false;
    }
  }

  /** The archive, verified, from the cache or downloaded once. */
  private Path archive(ArchiveKey key) throws IOException {
    Path file = root.resolve("archives").resolve(key.sha256()).resolve(key.fileName());
    if (stamps.isVerified(file, key.sha256(), Asset.UNKNOWN_SIZE)) {
      return file;
    }
    try (CacheLocks.Lock lock = locks.lock("archive-" + key.sha256())) {
      if (stamps.isVerified(file, key.sha256(), Asset.UNKNOWN_SIZE)) {
        return file;
      }
      Path temp = temps.newFile();
      try {
        Downloader.Result result;
        try {
          result = downloader.download(key.uri(), temp, Asset.UNKNOWN_SIZE);
        } catch (IOException e) {
          throw new IOException(key.uri() + ": " + reason(e), e);
        }
        if (!result.sha256().equals(key.sha256())) {
          throw new IOException(
              key.fileName()
                  + " from "
                  + key.uri()
                  + ": "
                  + Sha256.mismatch(key.sha256(), result.sha256()));
        }
        stamps.install(temp, file, key.sha256());
      } finally {
        TempFiles.deleteQuietly(temp);
      }
    }
    return file;
  }

  private static String check(Asset asset, String sha256, long size) {
    if (sha256.equals(asset.sha256())) {
      return null;
    }
    String problem = Sha256.mismatch(asset.sha256(), sha256);
    if (asset.size() != Asset.UNKNOWN_SIZE && asset.size() != size) {
      problem += " (" + size + " bytes, expected " + asset.size() + ")";
    }
    return problem;
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
