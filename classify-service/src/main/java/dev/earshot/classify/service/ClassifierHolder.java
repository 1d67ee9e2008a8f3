package dev.earshot.classify.service;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.classifier.ChunkClassifier;
import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.classify.config.ClassifySettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Opens the configured classifiers once, in the background (fetching the Whisper model first when
 * one needs it), so the service starts at once and reports not-ready until they are loaded, or
 * names why they cannot be.
 */
public final class ClassifierHolder implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClassifierHolder.class);

  private final CompletableFuture<ClassifierSet> loading;

  private ClassifierHolder(CompletableFuture<ClassifierSet> loading) {
    this.loading = loading;
  }

  public static ClassifierHolder start(ClassifySettings settings, Supplier<AssetCache> cache) {
    CompletableFuture<ClassifierSet> loading = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                long start = System.nanoTime();
                ClassifierSet set =
                    ClassifierSet.open(
                        settings.classifiers(),
                        settings.whisperModel(),
                        settings.whisperThreads(),
                        cache.get());
                for (ChunkClassifier c : set.classification().classifiers()) {
                  LOG.infof(
                      "Classifier %s: %s %s, labels %s",
                      c.name(), c.model().id(), c.model().version(), c.labels());
                }
                LOG.infof("Classifiers ready in %.1f s", (System.nanoTime() - start) / 1e9);
                loading.complete(set);
              } catch (Exception | LinkageError e) {
                LOG.errorf("Classifiers cannot be loaded: %s", e.getMessage());
                loading.completeExceptionally(e);
              }
            },
            "classifier-loader");
    loader.setDaemon(true);
    loader.start();
    return new ClassifierHolder(loading);
  }

  /** Blocks until loaded; throws the reason when they cannot be. */
  public ClassifierSet await() {
    try {
      return loading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the classifiers", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the classifiers are not available: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** ready, loading or failed. */
  public String state() {
    if (!loading.isDone()) {
      return "loading";
    }
    return loading.isCompletedExceptionally() ? "failed" : "ready";
  }

  /** Why loading failed, or null. */
  public String failure() {
    return loading.isCompletedExceptionally()
        ? loading
            .handle(
                (set, e) ->
                    e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause()
                        : e)
            .join()
            .getMessage()
        : null;
  }

  @Override
  public void close() {
    if (loading.isDone() && !loading.isCompletedExceptionally()) {
      loading.join().close();
    }
  }
}
