package dev.earshot.stt.captions;

import dev.earshot.schema.result.Caption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The captions of every open stream whose pieces this worker receives: pieces are queued as they
 * arrive (the Kafka thread never waits for Whisper), and one captioning thread decodes the stream
 * that has waited longest among those due, so several streams share the model fairly and a stream
 * whose decoding falls behind is decoded over more new audio at once rather than queueing up. Each
 * decoding that changed something becomes a {@link Caption}.
 */
public final class LiveCaptions implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LiveCaptions.class);

  /** Ended streams remembered, so a late or repeated piece does not open them again. */
  private static final int ENDED_KEPT = 10_000;

  /**
   * @param idleTimeout a stream without a piece for this long is finished as if its last piece had
   *     come (its ingest-service instance went away)
   */
  public record Settings(Captioner.Settings captioner, Duration idleTimeout) {
    public Settings {
      Objects.requireNonNull(captioner, "captioner");
      if (idleTimeout == null || idleTimeout.toMillis() < 1000) {
        throw new IllegalArgumentException(
            "stt.captions.idle-timeout must be at least 1S, got " + idleTimeout);
      }
    }
  }

  /** A piece of a stream, as ingest published it: 16 kHz mono samples. */
  public record Piece(String recordingId, long offsetSamples, float[] samples, boolean last) {}

  private final Settings settings;
  private final Function<String, Captioner.Decoder> decoders;
  private final Consumer<Caption> sink;
  private final Clock clock;
  private final Supplier<String> model;
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();
  private final Set<String> ended =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > ENDED_KEPT;
                }
              }));
  private final Semaphore arrivals = new Semaphore(0);
  private final Thread thread;
  private volatile boolean closed;

  private static final class Stream {
    final String id;
    final Queue<Piece> pending = new ConcurrentLinkedQueue<>();
    volatile long lastPieceNanos;
    Captioner captioner;
    boolean lastArrived;
    long lastStepNanos;
    int sequence;
    String partial = "";

    Stream(String id, long now) {
      this.id = id;
      this.lastPieceNanos = now;
      this.lastStepNanos = now;
    }
  }

  /**
   * @param decoders Whisper for a stream, by recording id (the service's model behind its watchdog)
   * @param sink told about each caption, on the captioning thread
   * @param model the model id captions name (known once the model is loaded)
   */
  public LiveCaptions(
      Settings settings,
      Function<String, Captioner.Decoder> decoders,
      Consumer<Caption> sink,
      Supplier<String> model,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.decoders = Objects.requireNonNull(decoders, "decoders");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.model = model;
    this.clock = clock;
    this.thread = new Thread(this::run, "live-captions");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a piece; returns at once. */
  public void accept(Piece piece) {
    if (closed || ended.contains(piece.recordingId())) {
      return;
    }
    long now = System.nanoTime();
    Stream stream = streams.computeIfAbsent(piece.recordingId(), id -> new Stream(id, now));
    stream.pending.add(piece);
    stream.lastPieceNanos = now;
    arrivals.release();
  }

  private void run() {
    while (!closed) {
      try {
        Stream next = nextDue();
        if (next == null) {
          arrivals.tryAcquire(50, TimeUnit.MILLISECONDS);
          arrivals.drainPermits();
          continue;
        }
        step(next);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf(e, "live captions: unexpected failure");
      }
    }
  }

  /** Takes in the queued pieces; the due stream that has waited longest, or null. */
  private Stream nextDue() {
    long now = System.nanoTime();
    Stream due = null;
    for (Stream stream : streams.values()) {
      for (Piece piece = stream.pending.poll(); piece != null; piece = stream.pending.poll()) {
        if (stream.captioner == null) {
          stream.captioner =
              new Captioner(decoders.apply(stream.id), settings.captioner(), piece.offsetSamples());
        }
        stream.captioner.append(piece.offsetSamples(), piece.samples());
        stream.lastArrived |= piece.last();
      }
      boolean idle = now - stream.lastPieceNanos > settings.idleTimeout().toNanos();
      if (idle && stream.captioner == null) {
        streams.remove(stream.id);
        continue;
      }
      boolean isDue =
          stream.captioner != null && (stream.lastArrived || idle || stream.captioner.due());
      if (isDue && (due == null || stream.lastStepNanos < due.lastStepNanos)) {
        due = stream;
      }
    }
    return due;
  }

  private void step(Stream stream) {
    boolean finish =
        stream.lastArrived
            || System.nanoTime() - stream.lastPieceNanos > settings.idleTimeout().toNanos();
    Captioner.Update update;
    long started = System.nanoTime();
    try {
      update = finish ? stream.captioner.finish() : stream.captioner.update();
      // Decodings much slower than the update interval hold every stream of this worker back:
      // more workers or cores, or a smaller model.
      LOG.debugf(
          "captions of %s at %.1f s took %.2f s: +[%s] ~[%s]",
          stream.id,
          update.audioSeconds(),
          (System.nanoTime() - started) / 1e9,
          update.committed(),
          update.partial());
    } catch (RuntimeException e) {
      LOG.warnf("live captions of %s stopped: %s", stream.id, e.getMessage());
      end(stream);
      return;
    } finally {
      stream.lastStepNanos = System.nanoTime();
    }
    if (update.last()) {
      end(stream);
    }
    if (update.committed().isEmpty() && update.partial().equals(stream.partial) && !update.last()) {
      return;
    }
    stream.partial = update.partial();
    try {
      sink.accept(
          new Caption(
              stream.id,
              stream.sequence++,
              update.committed(),
              update.partial(),
              update.committedWords(),
              update.audioSeconds(),
              update.last(),
              model.get(),
              clock.instant().toString()));
    } catch (RuntimeException e) {
      LOG.warnf("caption of %s not sent: %s", stream.id, e.getMessage());
    }
  }

  private void end(Stream stream) {
    ended.add(stream.id);
    streams.remove(stream.id);
  }

  /** Recording ids of the open streams, for tests and logs. */
  public List<String> openStreams() {
    return new ArrayList<>(streams.keySet());
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
