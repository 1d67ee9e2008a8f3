package dev.earshot.assets;

/** Archive layouts the cache can extract members from. */
public enum ArchiveFormat {
  /** A gzip-compressed tar, as npm publishes packages. */
  TAR_GZ,
  /**
   * A Debian package: an {@code ar} archive whose {@code data.tar.xz} (or .gz, .bz2) holds files.
   */
  DEB
}
