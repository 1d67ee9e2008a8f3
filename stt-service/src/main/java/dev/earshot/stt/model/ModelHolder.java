package dev.earshot.stt.model;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.stt.config.SttSettings;
import dev.earshot.whisper.SpeechDetector;
import dev.earshot.whisper.Transcriber;
import dev.earshot.whisper.WhisperModel;
import dev.earshot.whisper.WhisperModels;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Loads the Whisper model (fetching it first if needed) once, in the background, so the service
 * starts at once and reports not-ready until the model is there or names why it cannot be.
 */
public final class ModelHolder implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ModelHolder.class);

  private final CompletableFuture<Loaded> loading;

  /** The loaded model and what uses it. */
  public record Loaded(WhisperModel model, SpeechDetector detector, SpeechToText speechToText)
      implements AutoCloseable {
    @Override
    public void close() {
      model.close();
      if (detector != null) {
        detector.close();
      }
    }
  }

  private ModelHolder(CompletableFuture<Loaded> loading) {
    this.loading = loading;
  }

  /** Starts loading in a background thread. */
  public static ModelHolder start(SttSettings settings, Supplier<AssetCache> cache) {
    CompletableFuture<Loaded> loading = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                loading.complete(load(settings, cache.get()));
              } catch (Exception | LinkageError e) {
                LOG.errorf(
                    "Whisper model '%s' cannot be loaded: %s", settings.model(), e.getMessage());
                loading.completeExceptionally(e);
              }
            },
            "whisper-model-loader");
    loader.setDaemon(true);
    loader.start();
    return new ModelHolder(loading);
  }

  /** Loads the model in the calling thread, for commands that have nothing else to do meanwhile. */
  public static Loaded load(SttSettings settings, AssetCache cache) throws Exception {
    long start = System.nanoTime();
    Path folder = WhisperModels.resolve(settings.model(), cache);
    WhisperModel model = WhisperModel.load(folder, settings.whisper());
    SpeechDetector detector =
        settings.vad() == null
            ? null
            : SpeechDetector.load(cache.fetch(Catalog.SILERO_VAD), settings.vad());
    var transcriber = new Transcriber(model, settings.decoding(), detector);
    LOG.infof(
        "Whisper %s (%s) ready on %s in %.1f s",
        model.id(), model.version(), model.executionProvider(), (System.nanoTime() - start) / 1e9);
    return new Loaded(model, detector, new SpeechToText(transcriber, settings.batchSize()));
  }

  /** Blocks until the model is loaded; throws the reason when it cannot be. */
  public Loaded await() {
    try {
      return loading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Whisper model", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the Whisper model is not available: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Loaded, still loading, or failed with a reason. */
  public String state() {
    if (!loading.isDone()) {
      return "loading";
    }
    return loading.isCompletedExceptionally() ? "failed" : "ready";
  }

  public boolean isReady() {
    return loading.isDone() && !loading.isCompletedExceptionally();
  }

  /** Why loading failed, or null. */
  public String failure() {
    if (!loading.isCompletedExceptionally()) {
      return null;
    }
    try {
      loading.join();
      return null;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return cause.getMessage();
    }
  }

  @Override
  public void close() {
    if (isReady()) {
      loading.join().close();
    }
  }
}
