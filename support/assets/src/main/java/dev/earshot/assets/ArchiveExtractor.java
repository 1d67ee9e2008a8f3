package dev.earshot.assets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Extracts named members of a tar.gz or a {@code .deb} into temporary files, hashing them as they
 * are written, in one pass over the archive (a second pass only for symbolic or hard links whose
 * target came earlier in the archive). Members not found are absent from the result.
 */
final class ArchiveExtractor {

  /** One extracted member: the temporary file holding it, its sha256 and size. */
  record Extracted(Path file, String sha256, long size) {}

  private record Scan(Map<String, Extracted> files, Map<String, String> links) {}

  private static final int MAX_LINK_DEPTH = 8;

  private ArchiveExtractor() {}

  static Map<String, Extracted> extract(
      Path archive, ArchiveFormat format, Set<String> members, Path tempDir) throws IOException {
    return extract(archive, format, members, tempDir, 0);
  }

  private static Map<String, Extracted> extract(
      Path archive, ArchiveFormat format, Set<String> members, Path tempDir, int depth)
      throws IOException {
    Scan scan = scan(archive, format, members, tempDir);
    Map<String, Extracted> found = scan.files();
    if (scan.links().isEmpty() || depth >= MAX_LINK_DEPTH) {
      return found;
    }
    Set<String> targets = new HashSet<>(scan.links().values());
    targets.removeAll(found.keySet());
    Map<String, Extracted> viaLinks = Map.of();
    try {
      viaLinks =
          targets.isEmpty() ? Map.of() : extract(archive, format, targets, tempDir, depth + 1);
      for (Map.Entry<String, String> link : scan.links().entrySet()) {
        Extracted target = found.getOrDefault(link.getValue(), viaLinks.get(link.getValue()));
        if (target != null) {
          Path copy = Files.createTempFile(tempDir, "member-", ".part");
          Files.copy(target.file(), copy, StandardCopyOption.REPLACE_EXISTING);
          found.put(link.getKey(), new Extracted(copy, target.sha256(), target.size()));
        }
      }
    } catch (IOException | RuntimeException e) {
      deleteAll(found);
      throw e;
    } finally {
      deleteAll(viaLinks);
    }
    return found;
  }

  static void deleteAll(Map<String, Extracted> extracted) throws IOException {
    for (Extracted member : extracted.values()) {
      Files.deleteIfExists(member.file());
    }
  }

  private static Scan scan(Path archive, ArchiveFormat format, Set<String> members, Path tempDir)
      throws IOException {
    return readData(archive, format, tar -> scanTar(tar, members, tempDir));
  }

  /** Reads the file tree of an archive: the tar of a tar.gz, the data.tar of a .deb. */
  private interface TarReader<T> {
    T read(InputStream tar) throws IOException;
  }

  private static <T> T readData(Path archive, ArchiveFormat format, TarReader<T> reader)
      throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
      return switch (format) {
        case TAR_GZ -> {
          try (InputStream tar = new GzipCompressorInputStream(in, true)) {
            yield reader.read(tar);
          }
        }
        case DEB -> readDeb(in, reader);
      };
    }
  }

  private static <T> T readDeb(InputStream in, TarReader<T> reader) throws IOException {
    ArArchiveInputStream ar = new ArArchiveInputStream(in);
    for (ArArchiveEntry entry = ar.getNextEntry(); entry != null; entry = ar.getNextEntry()) {
      String name =
          entry.getName().endsWith("/") ? entry.getName().replaceAll("/+$", "") : entry.getName();
      if (!name.startsWith("data.tar")) {
        continue;
      }
      try (InputStream tar = decompress(name, new BufferedInputStream(ar, 1 << 16))) {
        return reader.read(tar);
      }
    }
    throw new IOException("not a Debian package: no data.tar member");
  }

  private static InputStream decompress(String member, InputStream data) throws IOException {
    return switch (member) {
      case "data.tar.xz" -> new XZCompressorInputStream(data);
      case "data.tar.gz" -> new GzipCompressorInputStream(data);
      case "data.tar.bz2" -> new BZip2CompressorInputStream(data);
      case "data.tar" -> data;
      // Ubuntu builds its packages with zstd, which would need the zstd-jni native library.
      default ->
          throw new IOException(
              member
                  + " uses a compression this reader does not support"
                  + " (xz, gz and bz2 are; Debian's own packages use xz)");
    };
  }

  private static Scan scanTar(InputStream in, Set<String> members, Path tempDir)
      throws IOException {
    Map<String, Extracted> files = new HashMap<>();
    Map<String, String> links = new HashMap<>();
    Deque<Path> created = new ArrayDeque<>();
    try {
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        String name = normalize(entry.getName());
        if (!members.contains(name) || files.containsKey(name) || links.containsKey(name)) {
          continue;
        }
        if (entry.isSymbolicLink()) {
          links.put(name, resolveLink(name, entry.getLinkName()));
        } else if (entry.isLink()) {
          links.put(name, normalize(entry.getLinkName()));
        } else if (entry.isFile()) {
          Path file = Files.createTempFile(tempDir, "member-", ".part");
          created.push(file);
          files.put(name, write(tar, file));
        }
        if (files.size() + links.size() == members.size()) {
          break; // the rest of the archive need not be decompressed
        }
      }
      created.clear();
      return new Scan(files, links);
    } finally {
      for (Path leftover : created) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  /** A regular file {@link #extractTree} wrote: its path under the target folder, sha256, size. */
  record TreeFile(String path, String sha256, long size) {}

  /**
   * Extracts every member whose normalised path {@code include} accepts into {@code target},
   * keeping the archive's layout, the executable bit and symbolic links. Nothing is written outside
   * {@code target}: members with {@code ..} in their path, and links whose target would lie outside
   * the folder, are skipped; a link to an absolute path is taken to mean that path inside {@code
   * target}. Hard links, and symbolic links where the file system has none, become copies.
   *
   * @return the regular files written, by path
   */
  static Map<String, TreeFile> extractTree(
      Path archive, ArchiveFormat format, Predicate<String> include, Path target)
      throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Files.createDirectories(root);
    return readData(archive, format, tar -> extractTree(tar, include, root));
  }

  private static Map<String, TreeFile> extractTree(
      InputStream in, Predicate<String> include, Path root) throws IOException {
    Path realRoot = root.toRealPath();
    Map<String, TreeFile> files = new TreeMap<>();
    Map<String, String> symlinks = new LinkedHashMap<>();
    Map<String, String> hardLinks = new LinkedHashMap<>();
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      String name = normalize(entry.getName());
      if (name.isEmpty() || !isConfined(name) || !include.test(name)) {
        continue;
      }
      Path path = root.resolve(name);
      if (entry.isDirectory()) {
        Files.createDirectories(path);
      } else if (entry.isSymbolicLink()) {
        String to = confinedLinkTarget(name, entry.getLinkName());
        if (to != null) {
          symlinks.put(name, to);
        }
      } else if (entry.isLink()) {
        hardLinks.put(name, normalize(entry.getLinkName()));
      } else if (entry.isFile()) {
        Path file = createParent(path, realRoot, name).resolve(path.getFileName());
        Files.deleteIfExists(file); // a link from an earlier package is replaced, not followed
        Extracted written = write(tar, file);
        if ((entry.getMode() & 0111) != 0) {
          file.toFile().setExecutable(true, false);
        }
        files.put(name, new TreeFile(name, written.sha256(), written.size()));
      }
    }
    for (Map.Entry<String, String> link : symlinks.entrySet()) {
      Path path = root.resolve(link.getKey());
      Path parent = createParent(path, realRoot, link.getKey());
      Path linkFile = parent.resolve(path.getFileName());
      Files.deleteIfExists(linkFile);
      try {
        // From the link's real folder to the target under the real root: stays inside the root.
        Files.createSymbolicLink(linkFile, parent.relativize(realRoot.resolve(link.getValue())));
      } catch (UnsupportedOperationException | IOException e) {
        TreeFile copy = copyMember(files, link.getValue(), link.getKey(), root, realRoot);
        if (copy != null) {
          files.put(link.getKey(), copy);
        }
      }
    }
    for (Map.Entry<String, String> link : hardLinks.entrySet()) {
      TreeFile copy = copyMember(files, link.getValue(), link.getKey(), root, realRoot);
      if (copy != null) {
        files.put(link.getKey(), copy);
      }
    }
    return files;
  }

  /** Copies an extracted regular file to another member path; null if it was not extracted. */
  private static TreeFile copyMember(
      Map<String, TreeFile> files, String from, String to, Path root, Path realRoot)
      throws IOException {
    TreeFile source = files.get(from);
    if (source == null) {
      return null;
    }
    Path path = root.resolve(to);
    Path copy = createParent(path, realRoot, to).resolve(path.getFileName());
    Files.deleteIfExists(copy);
    Files.copy(root.resolve(from), copy, StandardCopyOption.COPY_ATTRIBUTES);
    return new TreeFile(to, source.sha256(), source.size());
  }

  /** Creates the member's folder and checks that, links followed, it lies inside the root. */
  private static Path createParent(Path path, Path realRoot, String name) throws IOException {
    Path parent = Files.createDirectories(path.getParent()).toRealPath();
    if (!parent.startsWith(realRoot)) {
      throw new IOException("member " + name + " would be written outside " + realRoot);
    }
    return parent;
  }

  /** A relative path without {@code ..} segments or backslashes. */
  private static boolean isConfined(String name) {
    if (name.contains("\\")) {
      return false;
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The target of a symbolic link as a path from the extraction root, or null if it would leave the
   * root; absolute targets count from the root.
   */
  static String confinedLinkTarget(String linkPath, String target) {
    String resolved = resolve(linkPath, target, true);
    return resolved == null || resolved.isEmpty() ? null : resolved;
  }

  private static Extracted write(InputStream in, Path file) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    long size = 0;
    byte[] buffer = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
        size += n;
      }
    }
    return new Extracted(file, Sha256.hex(digest), size);
  }

  /** Archive names without a leading {@code ./} or {@code /} and without a trailing slash. */
  static String normalize(String name) {
    String path = name;
    while (path.startsWith("./") || path.startsWith("/")) {
      path = path.substring(path.startsWith("./") ? 2 : 1);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  /** Resolves a symbolic link's target against the folder of the link, POSIX style. */
  static String resolveLink(String linkPath, String target) {
    return resolve(linkPath, target, false);
  }

  /**
   * @param confined whether a {@code ..} above the root makes the target invalid (null) rather than
   *     staying at the root, as POSIX does
   */
  private static String resolve(String linkPath, String target, boolean confined) {
    Deque<String> parts = new ArrayDeque<>();
    if (!target.startsWith("/")) {
      int slash = linkPath.lastIndexOf('/');
      if (slash > 0) {
        for (String part : linkPath.substring(0, slash).split("/")) {
          parts.addLast(part);
        }
      }
    }
    for (String part : target.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.pollLast() == null && confined) {
          return null;
        }
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}
