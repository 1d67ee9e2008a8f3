package dev.earshot.assets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every file under some folders of one or more pinned Debian packages, extracted into one folder
 * with the packages' own layout (e.g. {@code usr/bin/sox} and {@code
 * usr/lib/x86_64-linux-gnu/...}), executable bits and symbolic links kept. For packages with
 * hundreds of files the checksum of each {@code .deb} pins the content, so the files need not be
 * listed one by one.
 *
 * @param folders paths inside the packages whose files are taken, e.g. {@code
 *     usr/share/lmms/samples}; {@code ""} takes everything
 */
public record DebianTree(
    String name, String description, List<PinnedDeb> packages, List<String> folders)
    implements CatalogEntry {

  public DebianTree {
    Checks.name(name, "tree name");
    description = Objects.requireNonNullElse(description, "");
    packages = List.copyOf(Objects.requireNonNull(packages, "packages"));
    if (packages.isEmpty()) {
      throw new IllegalArgumentException("Tree " + name + " has no package");
    }
    Set<String> seen = new HashSet<>();
    for (PinnedDeb deb : packages) {
      if (!seen.add(deb.fileName())) {
        throw new IllegalArgumentException("Tree " + name + " lists " + deb.fileName() + " twice");
      }
    }
    List<String> normalized = new ArrayList<>();
    for (String folder : Objects.requireNonNull(folders, "folders")) {
      String f = ArchiveExtractor.normalize(Objects.requireNonNull(folder, "folder"));
      normalized.add(f.isEmpty() ? f : Checks.relativePath(f, "folder of tree " + name));
    }
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException("Tree " + name + " takes no folder");
    }
    folders = List.copyOf(normalized);
  }

  /** Whether a member of a package (a normalised archive path) lies in one of the folders. */
  public boolean includes(String memberPath) {
    for (String folder : folders) {
      if (folder.isEmpty() || memberPath.equals(folder) || memberPath.startsWith(folder + "/")) {
        return true;
      }
    }
    return false;
  }

  /** The {@code .deb} files themselves: what is downloaded and verified. */
  @Override
  public List<Asset> files() {
    return packages.stream()
        .map(
            deb ->
                new Asset(
                    name,
                    deb.fileName(),
                    deb.sha256(),
                    deb.size(),
                    List.of(new HttpFile(deb.uri())),
                    ""))
        .toList();
  }
}
