package dev.earshot.assets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Whole Debian packages extracted into a folder: the files under the tree's folders, a listing of
 * them under {@code verified/trees/} (sha256, size, path), and the check that the folder still
 * holds what the listing says.
 */
final class DebianTrees {

  /** Fetches a package's verified {@code .deb}. */
  @FunctionalInterface
  interface Archives {
    Path fetch(PinnedDeb deb) throws IOException;
  }

  private final Path root;
  private final TempFiles temp;
  private final Function<DebianTree, Path> folderOf;

  DebianTrees(Path root, TempFiles temp, Function<DebianTree, Path> folderOf) {
    this.root = root;
    this.temp = temp;
    this.folderOf = folderOf;
  }

  /** Extracts the tree, fetching its packages with {@code archives}, and lists what it holds. */
  void extract(DebianTree tree, Archives archives) throws IOException {
    Path staging = Files.createTempDirectory(temp.dir(), TempFiles.TREE_PREFIX);
    try {
      Map<String, ArchiveExtractor.TreeFile> files = new TreeMap<>();
      for (PinnedDeb deb : tree.packages()) {
        Path archive = archives.fetch(deb);
        try {
          files.putAll(
              ArchiveExtractor.extractTree(archive, ArchiveFormat.DEB, tree::includes, staging));
        } catch (IOException e) {
          throw new IOException(
              "cannot extract "
                  + deb.fileName()
                  + ": "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
              e);
        }
      }
      if (files.isEmpty()) {
        throw new IOException("no file under " + tree.folders() + " in " + tree.packages());
      }
      Path folder = folderOf.apply(tree);
      Path listing = listingOf(tree);
      Files.deleteIfExists(listing);
      TempFiles.deleteFolder(folder);
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
      TempFiles.deleteFolder(staging);
    }
  }

  /** Whether the listing matches the tree's pins and every listed file is there at its size. */
  boolean isComplete(DebianTree tree) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(listingOf(tree), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (lines.isEmpty() || !lines.get(0).equals(treeKey(tree))) {
      return false;
    }
    Path folder = folderOf.apply(tree);
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
}
