package dev.earshot.assets;

import java.util.List;
import java.util.Objects;

/**
 * One file the project needs: the sha256 (and, if known, size) the final file must have and the
 * sources to try, in order, until one delivers exactly those bytes.
 *
 * @param name logical name, used in messages and as the cache folder of a single asset
 * @param fileName relative path of the file in its folder, e.g. {@code onnx/encoder.onnx}
 * @param sha256 expected sha256 of the file, 64 hex digits
 * @param size expected size in bytes, or {@link #UNKNOWN_SIZE}
 */
public record Asset(
    String name,
    String fileName,
    String sha256,
    long size,
    List<Source> sources,
    String description)
    implements CatalogEntry {

  public static final long UNKNOWN_SIZE = -1;

  public Asset {
    Checks.name(name, "asset name");
    Checks.relativePath(fileName, "file name of asset " + name);
    sha256 = Checks.sha256(sha256, "sha256 of asset " + name);
    if (size < UNKNOWN_SIZE) {
      throw new IllegalArgumentException("Negative size for asset " + name + ": " + size);
    }
    sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("Asset " + name + " has no source");
    }
    description = Objects.requireNonNullElse(description, "");
  }

  public Asset(String name, String fileName, String sha256, long size, List<Source> sources) {
    this(name, fileName, sha256, size, sources, "");
  }

  @Override
  public List<Asset> files() {
    return List.of(this);
  }
}
