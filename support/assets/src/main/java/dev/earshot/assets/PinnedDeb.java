package dev.earshot.assets;

import java.net.URI;
import java.util.Objects;

/**
 * A whole Debian package from the pool of a mirror, pinned by the sha256 and size that {@code
 * apt-get download --print-uris} prints, e.g. {@code
 * main/s/sox/sox_14.4.2+git20190427-3.5_amd64.deb}.
 */
public record PinnedDeb(URI mirror, String poolPath, String sha256, long size) {

  public PinnedDeb {
    Objects.requireNonNull(mirror, "mirror");
    poolPath = Checks.relativePath(poolPath, "Debian pool path");
    if (!poolPath.endsWith(".deb")) {
      throw new IllegalArgumentException("Not a .deb pool path: " + poolPath);
    }
    sha256 = Checks.sha256(sha256, "sha256 of " + poolPath);
    if (size <= 0) {
      throw new IllegalArgumentException("Size of " + poolPath + " must be positive: " + size);
    }
    String base = mirror.toString();
    mirror = base.endsWith("/") ? mirror : URI.create(base + "/");
  }

  /** A package of Debian's main mirror, {@code deb.debian.org}. */
  public PinnedDeb(String poolPath, String sha256, long size) {
    this(DebianPackage.DEBIAN_MIRROR, poolPath, sha256, size);
  }

  /** {@code <mirror>/pool/<poolPath>}. */
  public URI uri() {
    return mirror.resolve("pool/" + poolPath);
  }

  /** The file name, e.g. {@code sox_14.4.2+git20190427-3.5_amd64.deb}. */
  public String fileName() {
    return poolPath.substring(poolPath.lastIndexOf('/') + 1);
  }
}
