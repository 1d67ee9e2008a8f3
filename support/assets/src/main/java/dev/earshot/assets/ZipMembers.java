package dev.earshot.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Single files out of a zip a package ships (a game's {@code base.wz}), unpacked on demand. */
public final class ZipMembers {

  private ZipMembers() {}

  /**
   * Unpacks {@code entry} to {@code folder/entry} unless it is there already.
   *
   * @return the unpacked file
   * @throws IOException when the entry is missing or would land outside {@code folder}
   */
  public static Path extract(ZipFile zip, String entry, Path folder) throws IOException {
    Path target = folder.resolve(entry).normalize();
    if (!target.startsWith(folder)) {
      throw new IOException("entry outside its folder: " + entry);
    }
    if (!Files.isRegularFile(target)) {
      ZipEntry zipped = zip.getEntry(entry);
      if (zipped == null) {
        throw new IOException(entry + " is not in " + zip.getName());
      }
      Files.createDirectories(target.getParent());
      Path part =
          Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
      try (InputStream in = zip.getInputStream(zipped)) {
        Files.copy(in, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(part);
      }
    }
    return target;
  }
}
