package dev.earshot.classify;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.AssetException;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.whisper.WhisperModel;
import dev.earshot.whisper.WhisperModels;
import dev.earshot.whisper.WhisperOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Real models and recordings for the tests, fetched into the asset cache and loaded once. */
public final class TestAudio {

  private static WhisperModel tiny;

  private TestAudio() {}

  /** whisper-tiny, closed when the test JVM exits. */
  public static synchronized WhisperModel tiny() {
    if (tiny == null) {
      tiny =
          WhisperModel.load(
              WhisperModels.resolve("tiny", AssetCache.atDefaultLocation()),
              WhisperOptions.defaults());
      WhisperModel loaded = tiny;
      Runtime.getRuntime().addShutdownHook(new Thread(loaded::close));
    }
    return tiny;
  }

  /**
   * What an assertion on a model's output checks, and on which processor: ONNX Runtime and libtorch
   * pick kernels by processor, so a failure reported from another machine must say.
   */
  public static String on(String what) {
    return what + " on " + dev.earshot.whisper.CpuFeatures.host();
  }

  /** The folder of ALSA's speaker-test words (Front_Left.wav...) and Noise.wav. */
  public static Path alsa() {
    try {
      return AssetCache.atDefaultLocation().fetchAll(Catalog.ALSA_SOUNDS);
    } catch (AssetException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The folder of freedesktop.org's event sounds (bell.oga...) and spoken channel names. */
  public static Path freedesktop() {
    try {
      return AssetCache.atDefaultLocation().fetchAll(Catalog.FREEDESKTOP_SOUNDS);
    } catch (AssetException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The folder of Scid's spoken chess words: digits 1.wav..8.wav, King.wav, Check.wav... */
  public static Path scid() {
    try {
      return AssetCache.atDefaultLocation()
          .fetchTree(Catalog.SCID_SOUNDS)
          .resolve("usr/share/scid/sounds");
    } catch (AssetException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Mono 16 kHz samples of a file. */
  public static float[] load(Path file) {
    try {
      return AudioLoader.loadMono(file, 16_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
