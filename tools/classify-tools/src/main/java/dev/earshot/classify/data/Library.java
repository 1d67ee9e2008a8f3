package dev.earshot.classify.data;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.AssetException;
import dev.earshot.assets.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the real recordings the default datasets use lie on disk, each folder as its package lays
 * it out.
 *
 * @param lmms {@code usr/share/lmms/samples} of {@link Catalog#LMMS_SAMPLES}
 * @param ktuberling {@code usr/share/ktuberling/sounds} of {@link Catalog#KTUBERLING_SOUNDS}
 * @param hedgewars {@code usr/share/games/hedgewars/Data} of {@link Catalog#HEDGEWARS_SOUNDS}
 * @param alsa {@link Catalog#ALSA_SOUNDS}
 * @param freedesktop {@link Catalog#FREEDESKTOP_SOUNDS}
 * @param librivox {@link Catalog#LIBRIVOX}
 * @param commands {@link Catalog#POCKETSPHINX_COMMANDS}
 * @param jfk the file of {@link Catalog#JFK_WAV}
 */
public record Library(
    Path lmms,
    Path ktuberling,
    Path hedgewars,
    Path alsa,
    Path freedesktop,
    Path librivox,
    Path commands,
    Path jfk) {

  private static final Set<String> AUDIO = Set.of("wav", "ogg", "oga", "flac");

  /** Fetches every package and recording (about 215 MB of downloads the first time). */
  public static Library fetch(AssetCache cache) throws AssetException {
    return new Library(
        cache.fetchTree(TrainingCatalog.LMMS_SAMPLES).resolve("usr/share/lmms/samples"),
        cache.fetchTree(TrainingCatalog.KTUBERLING_SOUNDS).resolve("usr/share/ktuberling/sounds"),
        cache.fetchTree(TrainingCatalog.HEDGEWARS_SOUNDS).resolve("usr/share/games/hedgewars/Data"),
        cache.fetchAll(Catalog.ALSA_SOUNDS),
        cache.fetchAll(Catalog.FREEDESKTOP_SOUNDS),
        cache.fetchAll(Catalog.LIBRIVOX),
        cache.fetchAll(Catalog.POCKETSPHINX_COMMANDS),
        cache.fetch(Catalog.JFK_WAV));
  }

  /**
   * The audio files (WAV, OGG, FLAC; not Opus) under a folder, sorted by path; none if the folder
   * does not exist.
   */
  public static List<Path> audioFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> AUDIO.contains(extension(f)))
          .sorted()
          .toList();
    }
  }

  /** The file name without its extension. */
  public static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
