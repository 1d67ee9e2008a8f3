package dev.earshot.assets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

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

  private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final long STALE_TEMP_MILLIS = TimeUnit.DAYS.toMillis(1);
  private static final String TREE_PREFIX = "tree-";

  private final Path root;
  private final FetchSettings settings;
  private final Downloader downloader;
  private final AtomicBoolean tempSwept = new AtomicBoolean();

  public AssetCache(Path root) {
    this(root, FetchSettings.defaults());
  }

  public AssetCache(Path root, FetchSettings settings) {
    this.root = root.toAbsolutePath().normalize();
    this.settings = settings;
    this.downloader = new Downloader(settings);
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
        return isComplete(tree);
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
      if (isComplete(tree)) {
        return folderOf(tree);
      }
      try (CacheLock lock = lock("asset-" + tree.name())) {
        if (!isComplete(tree)) {
          extract(tree);
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
            Files.deleteIfExists(markerOf(file));
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
      try (CacheLock lock = lock("asset-" + lockName)) {
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
      if (!isVerified(p.target(), p.asset().sha256(), p.asset().size())) {
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
      temp = newTemp();
      Downloader.Result result = downloader.download(source.url(), temp, p.asset().size());
      String problem = check(p.asset(), result.sha256(), result.size());
      if (problem != null) {
        return problem;
      }
      install(temp, p.target(), p.asset().sha256());
      return null;
    } catch (IOException e) {
      return reason(e);
    } finally {
      deleteQuietly(temp);
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
      extracted = ArchiveExtractor.extract(archive, key.format(), byMember.keySet(), tmpDir());
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
            file = newTemp();
            Files.copy(found.file(), file, StandardCopyOption.REPLACE_EXISTING);
          }
          install(file, p.target(), p.asset().sha256());
        }
      }
    } catch (IOException e) {
      String problem = "cannot extract from " + key.fileName() + ": " + reason(e);
      pending.stream().filter(p -> !isInstalled(p)).forEach(p -> problems.putIfAbsent(p, problem));
    } finally {
      extracted.values().forEach(x -> deleteQuietly(x.file()));
    }
    return problems;
  }

  private boolean isInstalled(Pending p) {
    try {
      return isVerified(p.target(), p.asset().sha256(), p.asset().size());
    } catch (IOException e) {
      return false;
    }
  }

  /** The archive, verified, from the cache or downloaded once. */
  private Path archive(ArchiveKey key) throws IOException {
    Path file = root.resolve("archives").resolve(key.sha256()).resolve(key.fileName());
    if (isVerified(file, key.sha256(), Asset.UNKNOWN_SIZE)) {
      return file;
    }
    try (CacheLock lock = lock("archive-" + key.sha256())) {
      if (isVerified(file, key.sha256(), Asset.UNKNOWN_SIZE)) {
        return file;
      }
      Path temp = newTemp();
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
        install(temp, file, key.sha256());
      } finally {
        deleteQuietly(temp);
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

  // ---- trees of whole packages

  private void extract(DebianTree tree) throws IOException {
    Path staging = Files.createTempDirectory(tmpDir(), TREE_PREFIX);
    try {
      Map<String, ArchiveExtractor.TreeFile> files = new TreeMap<>();
      for (PinnedDeb deb : tree.packages()) {
        Path archive =
            archive(new ArchiveKey(deb.uri(), deb.sha256(), deb.fileName(), ArchiveFormat.DEB));
        try {
          files.putAll(
              ArchiveExtractor.extractTree(archive, ArchiveFormat.DEB, tree::includes, staging));
        } catch (IOException e) {
          throw new IOException("cannot extract " + deb.fileName() + ": " + reason(e), e);
        }
      }
      if (files.isEmpty()) {
        throw new IOException("no file under " + tree.folders() + " in " + tree.packages());
      }
      Path folder = folderOf(tree);
      Path listing = listingOf(tree);
      Files.deleteIfExists(listing);
      deleteTree(folder);
      Files.createDirectories(folder.getParent());
      try {
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, folder);
      }
      StringBuilder text = new StringBuilder(treeKey(tree)).append('\n');
      for (ArchiveExtractor.TreeFile file : files.values()) {
        text.append(file.sha256()).append(' ').append(file.size()).append(' ');
        text.append(file.path()).append('\n');
      }
      Files.createDirectories(listing.getParent());
      Path temp = Files.createTempFile(listing.getParent(), ".tree-", ".part");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(
          temp, listing, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteTree(staging);
    }
  }

  /** Whether the listing matches the tree's pins and every listed file is there at its size. */
  private boolean isComplete(DebianTree tree) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(listingOf(tree), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (lines.isEmpty() || !lines.get(0).equals(treeKey(tree))) {
      return false;
    }
    Path folder = folderOf(tree);
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split(" ", 3);
      if (parts.length != 3) {
        return false;
      }
      Path file = folder.resolve(parts[2]);
      try {
        if (Files.size(file) != Long.parseLong(parts[1])) {
          return false;
        }
      } catch (NoSuchFileException | NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  private Path listingOf(DebianTree tree) {
    return root.resolve("verified").resolve("trees").resolve(tree.name() + ".files");
  }

  private static String treeKey(DebianTree tree) {
    StringBuilder key = new StringBuilder("tree");
    for (PinnedDeb deb : tree.packages()) {
      key.append(' ').append(deb.sha256());
    }
    return key.append(" folders ").append(String.join(",", tree.folders())).toString();
  }

  /** Deletes a folder and everything in it; links are deleted, not followed. */
  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  // ---- verification stamps

  private boolean isVerified(Path file, String sha256, long size) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (!attrs.isRegularFile() || (size != Asset.UNKNOWN_SIZE && attrs.size() != size)) {
      return false;
    }
    Path marker = markerOf(file);
    String stamp = stamp(sha256, attrs);
    try {
      if (Files.readString(marker, StandardCharsets.UTF_8).equals(stamp)) {
        return true;
      }
    } catch (NoSuchFileException e) {
      // never verified
    } catch (IOException e) {
      // unreadable stamp: hash again below
    }
    if (!Sha256.of(file).equals(sha256)) {
      return false;
    }
    writeStamp(marker, stamp);
    return true;
  }

  private void install(Path temp, Path target, String sha256) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    writeStamp(
        markerOf(target), stamp(sha256, Files.readAttributes(target, BasicFileAttributes.class)));
  }

  private void writeStamp(Path marker, String stamp) {
    Path temp = null;
    try {
      Files.createDirectories(marker.getParent());
      temp = Files.createTempFile(marker.getParent(), ".stamp-", ".part");
      Files.writeString(temp, stamp, StandardCharsets.UTF_8);
      Files.move(temp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // A read-only cache still works; the file is just hashed again next time.
    } finally {
      deleteQuietly(temp);
    }
  }

  private Path markerOf(Path file) {
    return root.resolve("verified").resolve(root.relativize(file) + ".sha256");
  }

  private static String stamp(String sha256, BasicFileAttributes attrs) {
    return sha256
        + " "
        + attrs.size()
        + " "
        + attrs.lastModifiedTime()
        + " "
        + attrs.fileKey()
        + "\n";
  }

  // ---- temporary files and locks

  private Path tmpDir() throws IOException {
    Path tmp = root.resolve("tmp");
    Files.createDirectories(tmp);
    if (tempSwept.compareAndSet(false, true)) {
      sweepStaleTemps(tmp);
    }
    return tmp;
  }

  private Path newTemp() throws IOException {
    return Files.createTempFile(tmpDir(), "download-", ".part");
  }

  /** Removes partial files that a killed JVM left behind; a day old is surely not in use. */
  private static void sweepStaleTemps(Path tmp) {
    long cutoff = System.currentTimeMillis() - STALE_TEMP_MILLIS;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "*.part")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toMillis() < cutoff) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // best effort
    }
    try (DirectoryStream<Path> trees = Files.newDirectoryStream(tmp, TREE_PREFIX + "*")) {
      for (Path tree : trees) {
        if (Files.getLastModifiedTime(tree).toMillis() < cutoff) {
          deleteTree(tree);
        }
      }
    } catch (IOException e) {
      // best effort
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left for the sweep
      }
    }
  }

  private CacheLock lock(String name) throws IOException {
    Path file = root.resolve("locks").resolve(name + ".lock");
    Files.createDirectories(file.getParent());
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    try {
      jvmLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + file);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        channel.lock();
      } catch (IOException e) {
        // Some file systems (e.g. certain NFS setups) cannot lock; atomic moves still keep the
        // cache consistent, at worst two JVMs download the same file.
      }
      return new CacheLock(jvmLock, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      jvmLock.unlock();
      throw e;
    }
  }

  private record CacheLock(ReentrantLock jvmLock, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        channel.close(); // releases the file lock
      } finally {
        jvmLock.unlock();
      }
    }
  }
}
