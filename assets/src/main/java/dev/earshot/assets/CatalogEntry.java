package dev.earshot.assets;

import java.util.List;

/** Something the catalogue lists by name: one {@link Asset} or an {@link AssetGroup} of files. */
public sealed interface CatalogEntry permits Asset, AssetGroup {

  String name();

  String description();

  /** The files this entry consists of. */
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
