package dev.earshot.whisper;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.AssetException;
import dev.earshot.assets.Catalog;
import java.io.UncheckedIOException;

/** The Silero speech detector for tests, loaded once. */
final class SpeechDetectorTestSupport {

  private static SpeechDetector detector;

  private SpeechDetectorTestSupport() {}

  static synchronized SpeechDetector detector() {
    if (detector == null) {
      try {
        detector =
            SpeechDetector.load(
                AssetCache.atDefaultLocation().fetch(Catalog.SILERO_VAD),
                SpeechDetector.Settings.defaults());
      } catch (AssetException e) {
        throw new UncheckedIOException(e);
      }
    }
    return detector;
  }
}
