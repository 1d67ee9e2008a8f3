package dev.earshot.assets;

import java.net.URI;
import java.util.Objects;

/**
 * A file inside a Debian package, taken from the pool of a Debian mirror, e.g. pool path {@code
 * main/a/alsa-utils/alsa-utils_1.2.8-1_amd64.deb} and member {@code
 * usr/share/sounds/alsa/Noise.wav}. The {@code .deb} is pinned by sha256, as {@code apt-get
 * download --print-uris} prints it.
 */
public record DebianPackage(URI mirror, String poolPath, String debSha256, String memberPath)
    implements ArchiveMember {

  public static final URI DEBIAN_MIRROR = URI.create("http://deb.debian.org/debian/");

  public DebianPackage {
    Objects.requireNonNull(mirror, "mirror");
    poolPath = Checks.relativePath(poolPath, "Debian pool path");
    if (!poolPath.endsWith(".deb")) {
      throw new IllegalArgumentException("Not a .deb pool path: " + poolPath);
    }
    debSha256 = Checks.sha256(debSha256, "sha256 of " + poolPath);
    memberPath = Checks.memberPath(memberPath);
    String base = mirror.toString();
    mirror = base.endsWith("/") ? mirror : URI.create(base + "/");
  }

  /** A file in a package of Debian's main mirror, {@code deb.debian.org}. */
  public DebianPackage(String poolPath, String debSha256, String memberPath) {
    this(DEBIAN_MIRROR, poolPath, debSha256, memberPath);
  }

  /** {@code <mirror>/pool/<poolPath>}. */
  public URI debUri() {
    return mirror.resolve("pool/" + poolPath);
  }

  @Override
  public URI archiveUri() {
    return debUri();
  }

  @Override
  public String archiveSha256() {
    return debSha256;
  }

  @Override
  public String archiveFileName() {
    return poolPath.substring(poolPath.lastIndexOf('/') + 1);
  }

  @Override
  public ArchiveFormat format() {
    return ArchiveFormat.DEB;
  }

  @Override
  public String describe() {
    return "debian " + archiveFileName() + " /" + memberPath;
  }
}
