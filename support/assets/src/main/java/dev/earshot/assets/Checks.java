package dev.earshot.assets;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation shared by the records of this package. */
final class Checks {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  private Checks() {}

  /** Returns the digest in lower case, or throws if it is not 64 hex digits. */
  static String sha256(String value, String what) {
    String lower = value == null ? "" : value.toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(lower).matches()) {
      throw new IllegalArgumentException(what + " is not a sha256 (64 hex digits): " + value);
    }
    return lower;
  }

  /** A logical name: letters, digits, {@code . _ + -}, not starting with punctuation. */
  static String name(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must match " + NAME + ": " + value);
    }
    return value;
  }

  /**
   * A relative path with {@code /} separators that cannot leave the folder it is resolved against:
   * no leading slash, no empty, {@code .} or {@code ..} segments, no backslashes.
   */
  static String relativePath(String value, String what) {
    if (value == null || value.isEmpty() || value.startsWith("/") || value.contains("\\")) {
      throw new IllegalArgumentException(what + " must be a relative path: " + value);
    }
    for (String segment : value.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(what + " must be a relative path: " + value);
      }
    }
    return value;
  }

  /** Strips the leading {@code ./} and {@code /} that archive listings carry. */
  static String memberPath(String value) {
    String path = value == null ? "" : value;
    while (path.startsWith("./") || path.startsWith("/")) {
      path = path.substring(path.startsWith("./") ? 2 : 1);
    }
    return relativePath(path, "archive member path");
  }
}
