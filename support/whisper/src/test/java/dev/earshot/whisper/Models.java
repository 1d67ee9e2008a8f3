package dev.earshot.whisper;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/** Real models and recordings for the tests, loaded once per test JVM. */
final class Models {

  private static final ConcurrentHashMap<String, WhisperModel> LOADED = new ConcurrentHashMap<>();

  private Models() {}

  static WhisperModel tiny() {
    return LOADED.computeIfAbsent("tiny", Models::load);
  }

  static WhisperModel base() {
    return LOADED.computeIfAbsent("base", Models::load);
  }

  static Path folder(String name) {
    return WhisperModels.resolve(name, AssetCache.atDefaultLocation());
  }

  private static WhisperModel load(String name) {
    WhisperModel model = WhisperModel.load(folder(name), WhisperOptions.defaults());
    Runtime.getRuntime().addShutdownHook(new Thread(model::close));
    return model;
  }

  /**
   * What an assertion on a model's output checks, and on which processor: outputs vary slightly
   * with the kernels ONNX Runtime picks, so a failure reported from another machine must say.
   */
  static String on(String what) {
    return what + " on " + CpuFeatures.host();
  }

  /** Ten seconds of white noise at 16 kHz, standard deviation 0.1 (about -20 dBFS). */
  static float[] whiteNoise(long seed) {
    java.util.Random random = new java.util.Random(seed);
    float[] noise = new float[16000 * 10];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (random.nextGaussian() * 0.1);
    }
    return noise;
  }

  static float[] jfk() {
    try {
      return AudioLoader.loadMono(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV), 16000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] resource(String name) {
    try {
      return AudioLoader.loadMono(
          Path.of(Models.class.getResource("/dev/earshot/whisper/" + name).toURI()), 16000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
