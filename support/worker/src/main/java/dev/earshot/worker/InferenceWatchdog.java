package dev.earshot.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Times each model call of a chunk worker and reports one that runs past its limit. A hung call (a
 * native library that never returns, a stuck GPU) keeps the worker's partitions for ever: the
 * consumer's poll loop and heartbeats run on their own threads, so Kafka never sees a problem, and
 * the chunks wait behind it. The {@link Response} decides what to do; in the services it ends the
 * process ({@link HungWorkerExit}) so another worker takes the partitions.
 */
public final class InferenceWatchdog implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(InferenceWatchdog.class);

  /**
   * @param inferenceTimeout limit per chunk of a call; zero turns the watchdog off
   * @param exitGrace how long the response may take to end the process in order
   * @param hangAfterChunks fault injection: calls hang from this chunk on; negative for never
   */
  public record Settings(Duration inferenceTimeout, Duration exitGrace, int hangAfterChunks) {

    public static final Settings OFF = new Settings(Duration.ZERO, Duration.ofSeconds(20), -1);

    public Settings {
      if (inferenceTimeout == null || inferenceTimeout.isNegative()) {
        throw new IllegalArgumentException(
            "watchdog.inference-timeout must be zero (off) or positive, got " + inferenceTimeout);
      }
      if (exitGrace == null || exitGrace.isNegative() || exitGrace.isZero()) {
        throw new IllegalArgumentException(
            "watchdog.exit-grace must be positive, got " + exitGrace);
      }
    }

    /**
     * @param prefix the service's setting prefix, e.g. {@code stt}, for messages
     */
    public static Settings from(WatchdogConfig config, String prefix) {
      try {
        return new Settings(
            config.inferenceTimeout(),
            config.exitGrace(),
            config.injectHangAfterChunks().orElse(-1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(prefix + "." + e.getMessage(), e);
      }
    }

    boolean enabled() {
      return !inferenceTimeout.isZero();
    }
  }

  /** A call past its limit: which chunks it holds, how long it has run, what it was allowed. */
  public record Stall(List<String> chunks, Duration elapsed, Duration limit) {

    public String describe() {
      return String.format(
          "inference on %s has run for %.1f s, past its limit of %.1f s",
          chunks.size() <= 4
              ? chunks
              : chunks.subList(0, 4) + " and " + (chunks.size() - 4) + " more",
          elapsed.toMillis() / 1000.0,
          limit.toMillis() / 1000.0);
    }
  }

  /** What to do about a stalled call; called once, from the watchdog's thread. */
  @FunctionalInterface
  public interface Response {
    void stalled(Stall stall);
  }

  private record Watch(List<String> chunks, long startNanos, Duration limit) {}

  private final Settings settings;
  private final LongSupplier nanoTime;
  private final Response response;
  private final AtomicReference<Watch> current = new AtomicReference<>();
  private final AtomicBoolean fired = new AtomicBoolean();
  private final AtomicLong chunksStarted = new AtomicLong();
  private ScheduledExecutorService timer;

  /** A watchdog checked by whoever calls {@link #check}; {@link #start} adds a timer. */
  public InferenceWatchdog(Settings settings, LongSupplier nanoTime, Response response) {
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.response = response;
  }

  /** A watchdog that checks itself on a daemon thread every second (when enabled). */
  public static InferenceWatchdog start(Settings settings, Response response) {
    var watchdog = new InferenceWatchdog(settings, System::nanoTime, response);
    if (settings.enabled()) {
      watchdog.timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "inference-watchdog");
                t.setDaemon(true);
                return t;
              });
      long periodMs = Math.max(50, Math.min(1000, settings.inferenceTimeout().toMillis() / 4));
      watchdog.timer.scheduleAtFixedRate(
          watchdog::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }
    return watchdog;
  }

  /** A watchdog that never fires, for tests of the worker itself. */
  public static InferenceWatchdog off() {
    return new InferenceWatchdog(Settings.OFF, System::nanoTime, stall -> {});
  }

  /**
   * Runs one model call under watch.
   *
   * @param chunks names of the chunks it handles, for the report; the limit grows with their count
   */
  public <T> T watch(List<String> chunks, Supplier<T> inference) {
    long before = chunksStarted.getAndAdd(chunks.size());
    Watch watch =
        new Watch(
            List.copyOf(chunks),
            nanoTime.getAsLong(),
            settings.inferenceTimeout().multipliedBy(Math.max(1, chunks.size())));
    current.set(watch);
    try {
      if (settings.hangAfterChunks() >= 0 && before + chunks.size() > settings.hangAfterChunks()) {
        hangForGood(chunks);
      }
      return inference.get();
    } finally {
      current.compareAndSet(watch, null);
    }
  }

  /**
   * Reports the call in progress if it is past its limit, once per watchdog.
   *
   * @return whether this check reported it
   */
  public boolean check() {
    Watch watch = current.get();
    if (watch == null || !settings.enabled() || fired.get()) {
      return false;
    }
    Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - watch.startNanos());
    if (elapsed.compareTo(watch.limit()) <= 0 || !fired.compareAndSet(false, true)) {
      return false;
    }
    response.stalled(new Stall(watch.chunks(), elapsed, watch.limit()));
    return true;
  }

  /** Whether a call was reported stalled. */
  public boolean fired() {
    return fired.get();
  }

  private static void hangForGood(List<String> chunks) {
    LOG.warnf("injected fault (watchdog.inject-hang-after-chunks): inference on %s hangs", chunks);
    // Like a native call that never returns: interrupts do not end it either.
    while (true) {
      LockSupport.park(InferenceWatchdog.class);
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
