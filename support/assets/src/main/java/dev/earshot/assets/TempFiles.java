package dev.earshot.assets;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cache's {@code tmp/} folder: partial downloads and extractions, moved into place only once
 * verified; what a killed JVM left there is swept once per cache instance.
 */
final class TempFiles {

  static final String TREE_PREFIX = "tree-";
  private static final long STALE_TEMP_MILLIS = TimeUnit.DAYS.toMillis(1);

  private final Path root;
  private final AtomicBoolean tempSwept = new AtomicBoolean();

  TempFiles(Path root) {
    this.root = root;
  }

  Path dir() throws IOException {
    Path tmp = root.resolve("tmp");
    Files.createDirectories(tmp);
    if (tempSwept.compareAndSet(false, true)) {
      sweepStaleTemps(tmp);
    }
    return tmp;
  }

  Path newFile() throws IOException {
    return Files.createTempFile(dir(), "download-", ".part");
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
          deleteFolder(tree);
        }
      }
    } catch (IOException e) {
      // best effort
    }
  }

  static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left for the sweep
      }
    }
  }

  /** Deletes a folder and everything in it; links are deleted, not followed. */
  static void deleteFolder(Path folder) throws IOException {
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
}
