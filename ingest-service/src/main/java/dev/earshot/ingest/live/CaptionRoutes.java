package dev.earshot.ingest.live;

import dev.earshot.schema.result.Caption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Routes the live captions stt-service writes on {@code earshot.captions} to the connections of
 * this ingest instance that stream the captioned audio. Captions of one recording share a key, so
 * they come in order, on the one thread that follows the topic; a listener must not block it.
 */
public final class CaptionRoutes {

  private final Map<String, Consumer<Caption>> routes = new ConcurrentHashMap<>();

  /** Sends the recording's captions to the listener until the returned route is closed. */
  public Route follow(String recordingId, Consumer<Caption> listener) {
    routes.put(recordingId, listener);
    return () -> routes.remove(recordingId, listener);
  }

  /** Whether a connection here wants this recording's captions. */
  public boolean wants(String recordingId) {
    return routes.containsKey(recordingId);
  }

  /** Hands a caption to its connection, if one here wants it; returns whether one did. */
  public boolean offer(Caption caption) {
    Consumer<Caption> listener = routes.get(caption.recordingId());
    if (listener == null) {
      return false;
    }
    listener.accept(caption);
    return true;
  }

  /** A followed recording; closing it stops the captions. */
  @FunctionalInterface
  public interface Route extends AutoCloseable {
    @Override
    void close();
  }
}
