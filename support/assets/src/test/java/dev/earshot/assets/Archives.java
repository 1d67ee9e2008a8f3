package dev.earshot.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * Builds small archives in memory for tests, as npm and dpkg lay them out. Values of the map are
 * file contents; a value starting with {@code ->} makes a symbolic link to the rest, {@code =>} a
 * hard link to the member named by the rest, and a name ending in {@code /} a folder. Contents that
 * start with {@code #!} are written executable (mode 0755).
 */
final class Archives {

  private Archives() {}

  static Map<String, byte[]> files(String... namesAndContents) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      files.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  static byte[] tarGz(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(bytes)) {
      writeTar(gz, files);
    }
    return bytes.toByteArray();
  }

  /** A {@code .deb}: debian-binary, control.tar.xz and data.tar.xz holding the files. */
  static byte[] deb(Map<String, byte[]> files) throws IOException {
    return deb("data.tar.xz", xzTar(files));
  }

  static byte[] deb(String dataMemberName, byte[] dataMember) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArArchiveOutputStream ar = new ArArchiveOutputStream(bytes)) {
      addAr(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
      addAr(ar, "control.tar.xz", xzTar(files("./control", "Package: test\n")));
      addAr(ar, dataMemberName, dataMember);
    }
    return bytes.toByteArray();
  }

  private static byte[] xzTar(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream xz = new XZCompressorOutputStream(bytes)) {
      writeTar(xz, files);
    }
    return bytes.toByteArray();
  }

  private static void addAr(ArArchiveOutputStream ar, String name, byte[] content)
      throws IOException {
    ar.putArchiveEntry(new ArArchiveEntry(name, content.length));
    ar.write(content);
    ar.closeArchiveEntry();
  }

  private static void writeTar(OutputStream out, Map<String, byte[]> files) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String content = new String(file.getValue(), StandardCharsets.UTF_8);
      if (content.startsWith("->")) {
        TarArchiveEntry link = new TarArchiveEntry(file.getKey(), TarConstants.LF_SYMLINK);
        link.setLinkName(content.substring(2));
        tar.putArchiveEntry(link);
      } else if (content.startsWith("=>")) {
        TarArchiveEntry link = new TarArchiveEntry(file.getKey(), TarConstants.LF_LINK);
        link.setLinkName(content.substring(2));
        tar.putArchiveEntry(link);
      } else if (file.getKey().endsWith("/")) {
        tar.putArchiveEntry(new TarArchiveEntry(file.getKey()));
      } else {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
        entry.setSize(file.getValue().length);
        entry.setMode(content.startsWith("#!") ? 0100755 : 0100644);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
  }
}
