package dev.earshot.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of files and streams, streamed, as lower-case hex: the one digest helper, for assets,
 * model versions and trained classifiers alike.
 */
public final class Sha256 {

  private Sha256() {}

  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The file's digest as hex. */
  public static String of(Path file) throws IOException {
    return HexFormat.of().formatHex(bytes(file));
  }

  /** The file's digest. */
  public static byte[] bytes(Path file) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }

  /**
   * A version id from a digest of what makes a model: {@code sha256:} and its first 16 hex digits,
   * short enough for every result record, long enough never to collide between versions.
   */
  public static String version(MessageDigest digest) {
    return "sha256:" + hex(digest).substring(0, 16);
  }

  /** Expected and actual digest, the message every mismatch uses. */
  static String mismatch(String expected, String actual) {
    return "sha256 mismatch: expected " + expected + " got " + actual;
  }
}
