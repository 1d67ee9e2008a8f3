package dev.earshot.assets;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Debian architecture the catalogue pins native programs for, and the multiarch triplet under
 * which its packages install their libraries: the one place that knows {@code x86_64-linux-gnu}
 * from {@code aarch64-linux-gnu}, so that code running an extracted tree finds its libraries on
 * every machine.
 */
public enum DebianArch {
  AMD64("amd64", "x86_64-linux-gnu", Set.of("amd64", "x86_64")),
  ARM64("arm64", "aarch64-linux-gnu", Set.of("aarch64", "arm64"));

  private final String debianName;
  private final String triplet;
  private final Set<String> osArchNames;

  DebianArch(String debianName, String triplet, Set<String> osArchNames) {
    this.debianName = debianName;
    this.triplet = triplet;
    this.osArchNames = osArchNames;
  }

  /** As in package file names, e.g. {@code amd64} in {@code sox_..._amd64.deb}. */
  public String debianName() {
    return debianName;
  }

  /** The multiarch triplet, e.g. {@code x86_64-linux-gnu}. */
  public String triplet() {
    return triplet;
  }

  /**
   * {@code usr/lib/<triplet>} of an extracted tree: the shared libraries, and the data some of them
   * keep next to them (espeak-ng's voices).
   */
  public Path libDir(Path root) {
    return root.resolve("usr/lib").resolve(triplet);
  }

  /** The folders of an extracted tree that hold shared libraries, for {@code LD_LIBRARY_PATH}. */
  public List<Path> libraryPath(Path root) {
    return List.of(libDir(root), root.resolve("lib").resolve(triplet));
  }

  /** The architecture of this JVM's machine, from {@code os.arch}. */
  public static DebianArch current() {
    return of(System.getProperty("os.arch", ""));
  }

  /**
   * The architecture for a value of {@code os.arch} ({@code amd64}, {@code x86_64}, {@code
   * aarch64}, {@code arm64}), or an exception naming it when no packages are pinned for it.
   */
  public static DebianArch of(String osArch) {
    String name = osArch == null ? "" : osArch.strip().toLowerCase(Locale.ROOT);
    for (DebianArch arch : values()) {
      if (arch.osArchNames.contains(name)) {
        return arch;
      }
    }
    throw new IllegalArgumentException(
        "no Debian packages are pinned for the architecture '"
            + osArch
            + "' (os.arch); only for amd64 (x86-64) and arm64 (aarch64)");
  }
}
