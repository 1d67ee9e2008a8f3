package dev.earshot.assets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Verification stamps under {@code verified/}: a file is hashed in full once, and a stamp of {@code
 * sha256 size mtime file-key} is kept for it, so later uses trust it while none of these changed.
 */
final class Stamps {

  private final Path root;

  Stamps(Path root) {
    this.root = root;
  }

  boolean isVerified(Path file, String sha256, long size) throws IOException {
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

  void install(Path temp, Path target, String sha256) throws IOException {
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
      TempFiles.deleteQuietly(temp);
    }
  }

  Path markerOf(Path file) {
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
}
