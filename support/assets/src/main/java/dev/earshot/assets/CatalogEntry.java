package dev.earshot.assets;

import java.util.List;

/**
 * Something the catalogue lists by name: one {@link Asset}, an {@link AssetGroup} of files, or a
 * {@link DebianTree} of folders from whole packages.
 */
public sealed interface CatalogEntry permits Asset, AssetGroup, DebianTree {

  String name();

  String description();

  /**
   * The pinned files this entry is fetched as; for a {@link DebianTree}, its {@code .deb} files.
   */
  List<Asset> files();

  /** Total size in bytes, or {@link Asset#UNKNOWN_SIZE} if a file's size is not pinned. */
  default long totalSize() {
    long total = 0;
    for (Asset file : files()) {
      if (file.size() == Asset.UNKNOWN_SIZE) {
        return Asset.UNKNOWN_SIZE;
      }
      total += file.size();
    }
    return total;
  }
}
