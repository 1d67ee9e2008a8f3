package dev.earshot.classify.model.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.earshot.assets.AssetCache;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A CPU thread count in, the started offline DJL PyTorch engine out: sets DJL's system properties
 * once, before the engine loads, and explains a failure to load libtorch.
 *
 * <p>Settings, each left alone when the user set it already (as a system property or, where DJL
 * reads one, an environment variable):
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true}: DJL never downloads; libtorch comes from the {@code
 *       pytorch-native-cpu} jar on the class path.
 *   <li>{@code DJL_CACHE_DIR}: {@link AssetCache#defaultRoot()}{@code /djl}, i.e. {@code
 *       ${EARSHOT_CACHE or ~/.cache/earshot}/djl}, beside the asset cache's own folders, so that
 *       one variable moves every cache of the project. DJL extracts libtorch (about 430 MB) there
 *       once.
 *   <li>{@code ai.djl.pytorch.num_threads}: the requested count; {@code num_interop_threads}: 1,
 *       since the models run one operator at a time.
 *   <li>{@code ai.djl.pytorch.graph_optimizer=false}: the TorchScript optimiser only costs time for
 *       models built in Java.
 * </ul>
 *
 * <p>libtorch's intra-op thread count is global to the process, so {@link #start(int)} with another
 * count changes it for every model in the JVM.
 */
public final class DjlRuntime {

  /** DJL's name of the engine every model here runs on. */
  public static final String ENGINE = "PyTorch";

  static final String CACHE_FOLDER = "djl";
  private static final String CACHE_PROPERTY = "DJL_CACHE_DIR";

  private static Engine engine; // guarded by DjlRuntime.class

  private DjlRuntime() {}

  /**
   * Starts the engine on the first call and sets libtorch's intra-op thread count on every call.
   *
   * @throws IllegalStateException if the PyTorch native library cannot be loaded
   */
  public static synchronized Engine start(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (engine == null) {
      configure(threads);
      engine = load();
    }
    if (JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
    return engine;
  }

  /**
   * Starts the engine with one thread per available processor unless it runs already, whose thread
   * count is then left alone; for loading models to serve.
   */
  public static synchronized Engine startIfNeeded() {
    return engine != null ? engine : start(Runtime.getRuntime().availableProcessors());
  }

  /** The folder DJL extracts libtorch into: {@code DJL_CACHE_DIR} if set, else the default. */
  public static Path cacheDir() {
    String explicit = setting(CACHE_PROPERTY);
    return explicit != null ? Path.of(explicit) : AssetCache.defaultRoot().resolve(CACHE_FOLDER);
  }

  private static void configure(int threads) {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent(CACHE_PROPERTY, cacheDir().toString());
    setIfAbsent("ai.djl.default_engine", ENGINE);
    setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    // Always the requested count: it is what the caller asked for, and start() enforces it anyway.
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
  }

  private static Engine load() {
    try {
      return Engine.getEngine(ENGINE);
    } catch (RuntimeException | LinkageError e) {
      throw loadFailure(e);
    }
  }

  /** The exception for a libtorch that would not load, naming what to check. */
  static IllegalStateException loadFailure(Throwable cause) {
    String platform =
        System.getProperty("os.name").toLowerCase(Locale.ROOT)
            + "-"
            + System.getProperty("os.arch");
    return new IllegalStateException(
        "Cannot load the PyTorch native library for DJL on "
            + platform
            + " (cache "
            + cacheDir()
            + "): "
            + describe(cause)
            + ". It is extracted, offline, from ai.djl.pytorch:pytorch-native-cpu:2.7.1 with"
            + " classifier linux-x86_64, which needs ai.djl.pytorch:pytorch-jni:2.7.1-0.35.1 on the"
            + " class path too; other platforms need that jar's classifier for them. The cache"
            + " folder must be writable (set EARSHOT_CACHE or DJL_CACHE_DIR to move it).",
        cause);
  }

  private static String describe(Throwable cause) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (text.length() > 0) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage());
      }
    }
    return text.toString();
  }

  private static void setIfAbsent(String name, String value) {
    if (setting(name) == null) {
      System.setProperty(name, value);
    }
  }

  private static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value;
  }
}
