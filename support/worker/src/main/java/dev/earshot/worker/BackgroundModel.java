package dev.earshot.worker;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

/**
 * A worker's model, loaded once on a background thread (fetching it first when needed), so the
 * service starts at once and reports not-ready until the model is there, or names why it cannot be.
 *
 * @param <M> what the loader opens; closed with the worker
 */
public final class BackgroundModel<M extends AutoCloseable> implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BackgroundModel.class);

  /** Opens the model; may take minutes on a first start that fetches it. */
  @FunctionalInterface
  public interface Loader<M> {
    M load() throws Exception;
  }

  private final String what;
  private final CompletableFuture<M> loading;
  private volatile boolean abandoned;

  private BackgroundModel(String what, CompletableFuture<M> loading) {
    this.what = what;
    this.loading = loading;
  }

  /**
   * Starts loading on a daemon thread.
   *
   * @param what the model in messages and health checks, e.g. {@code whisper-model}
   */
  public static <M extends AutoCloseable> BackgroundModel<M> start(String what, Loader<M> loader) {
    CompletableFuture<M> loading = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                long start = System.nanoTime();
                M model = loader.load();
                LOG.infof("%s ready in %.1f s", what, (System.nanoTime() - start) / 1e9);
                loading.complete(model);
              } catch (Exception | LinkageError e) {
                LOG.errorf("%s cannot be loaded: %s", what, e.getMessage());
                loading.completeExceptionally(e);
              }
            },
            what + "-loader");
    thread.setDaemon(true);
    thread.start();
    return new BackgroundModel<>(what, loading);
  }

  /** Blocks until loaded; throws the reason when it cannot be. */
  public M await() {
    try {
      return loading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          what + " is not available: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** {@code loading}, {@code ready} or {@code failed}. */
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
    } catch (CompletionException e) {
      return (e.getCause() != null ? e.getCause() : e).getMessage();
    }
  }

  /**
   * The readiness answer: up with {@code details} of the model once loaded; down with the state,
   * and the reason after a failure, before.
   */
  public HealthCheckResponse health(Function<M, Map<String, String>> details) {
    var builder = HealthCheckResponse.named(what).withData("state", state());
    if (!isReady()) {
      String failure = failure();
      if (failure != null) {
        builder.withData("error", failure);
      }
      return builder.down().build();
    }
    details.apply(loading.join()).forEach(builder::withData);
    return builder.up().build();
  }

  /**
   * Leaves the model open at {@link #close}: a call that never returned is still inside it, and
   * freeing its native memory under it would crash the process instead of ending it.
   */
  public void abandon() {
    abandoned = true;
  }

  @Override
  public void close() throws Exception {
    if (abandoned) {
      LOG.warnf("%s left open: a call into it never returned", what);
      return;
    }
    if (isReady()) {
      loading.join().close();
    }
  }
}
