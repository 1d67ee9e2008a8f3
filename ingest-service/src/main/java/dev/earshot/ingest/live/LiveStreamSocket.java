package dev.earshot.ingest.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.decode.RawPcmDecoder;
import dev.earshot.ingest.config.IngestBeans;
import dev.earshot.ingest.config.IngestConfig;
import dev.earshot.ingest.metrics.IngestMetrics;
import dev.earshot.ingest.recording.ChunkPublisher;
import dev.earshot.ingest.recording.EncodedChunk;
import dev.earshot.ingest.recording.EventOutbox;
import dev.earshot.ingest.recording.IngestException;
import dev.earshot.ingest.recording.IngestListener;
import dev.earshot.ingest.recording.IngestSettings;
import dev.earshot.ingest.recording.LiveAudioPublisher;
import dev.earshot.ingest.recording.LiveRecording;
import dev.earshot.ingest.recording.Origin;
import dev.earshot.ingest.recording.PublishReceipt;
import dev.earshot.ingest.recording.Recording;
import dev.earshot.ingest.recording.RecordingSource;
import dev.earshot.ingest.recording.Rejection;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Live streams from edge devices over a WebSocket: binary messages carry raw PCM in the format
 * given in the URL, chunks reach Kafka while the device is still sending, and a text message {@code
 * end} (or a normal close) finishes the recording.
 *
 * <p>Messages to the device are JSON: {@code started} with the recording id, {@code chunk} for each
 * chunk Kafka acknowledged, then {@code finished} or {@code error}.
 */
@WebSocket(path = "/recordings/live", endpointId = LiveStreamSocket.ENDPOINT_ID)
public class LiveStreamSocket {

  static final String ENDPOINT_ID = "earshot-live-stream";

  private static final Logger LOG = Logger.getLogger(LiveStreamSocket.class);
  private static final UserData.TypedKey<Session> SESSION =
      new UserData.TypedKey<>("earshot.live.session");

  private final IngestSettings settings;
  private final ChunkPublisher publisher;
  private final EventOutbox outbox;
  private final IngestMetrics metrics;
  private final ObjectMapper json;
  private final LiveRecording.Captions captions;

  public LiveStreamSocket(
      IngestSettings settings,
      ChunkPublisher publisher,
      EventOutbox outbox,
      IngestMetrics metrics,
      ObjectMapper json,
      LiveAudioPublisher pieces,
      IngestConfig config) {
    this.settings = settings;
    this.publisher = publisher;
    this.outbox = outbox;
    this.metrics = metrics;
    this.json = json;
    this.captions =
        config.live().captions()
            ? new LiveRecording.Captions(pieces, config.live().pieceDuration())
            : LiveRecording.Captions.OFF;
  }

  /** Per-connection state: the recording and the decoder that keeps partial frames. */
  private record Session(LiveRecording recording, RawPcmDecoder decoder) {}

  @OnOpen
  public String onOpen(WebSocketConnection connection) throws IngestException {
    LiveParams params = LiveParams.parse(name -> queryParam(connection, name));
    var source =
        new RecordingSource(Origin.STREAM, params.name(), params.device(), Instant.now(), Map.of());
    var format =
        new Recording.InputFormat(params.describe(), params.sampleRate(), params.channels());
    var recording =
        LiveRecording.start(
            settings,
            publisher,
            outbox,
            IngestListener.both(metrics, new ChunkNotifier(connection)),
            IngestBeans.newRecordingId(),
            source,
            format,
            captions);
    connection
        .userData()
        .put(
            SESSION, new Session(recording, new RawPcmDecoder(params.format(), params.channels())));
    LOG.infof("Live stream %s opened: %s", recording.recording().id(), params.describe());
    return message(
        "started",
        Map.of(
            "recordingId", recording.recording().id(),
            "chunkSampleRate", settings.sampleRate()));
  }

  @OnBinaryMessage
  public void onAudio(WebSocketConnection connection, Buffer data) {
    Session session = connection.userData().get(SESSION);
    if (session == null || session.recording().isEnded()) {
      return;
    }
    byte[] bytes = data.getBytes();
    float[] samples = session.decoder().decode(bytes, 0, bytes.length);
    try {
      session.recording().accept(samples, 0, samples.length);
    } catch (IngestException e) {
      fail(connection, session, e.rejection(), e.getMessage());
    }
  }

  @OnTextMessage
  public void onText(WebSocketConnection connection, String text) {
    Session session = connection.userData().get(SESSION);
    String command = command(text);
    if (session == null || session.recording().isEnded()) {
      reply(
          connection,
          message("error", Map.of("error", "BAD_REQUEST", "message", "recording already ended")));
      return;
    }
    if (command.equals("status")) {
      // Messages of a connection are handled in order, so this answer also confirms that every
      // earlier audio message was taken in.
      reply(
          connection,
          message(
              "status",
              Map.of(
                  "recordingId", session.recording().recording().id(),
                  "receivedSeconds", session.recording().receivedSeconds(),
                  "publishedChunks", session.recording().totals().chunks())));
      return;
    }
    if (!command.equals("end")) {
      reply(
          connection,
          message(
              "error",
              Map.of(
                  "error",
                  "BAD_REQUEST",
                  "message",
                  "unknown text message '" + text + "'; send binary PCM, 'status', or 'end'")));
      return;
    }
    try {
      ChunkPublisher.Totals totals = finish(session);
      // The summary must reach the device before the close frame does.
      connection.sendTextAndAwait(
          message(
              "finished",
              Map.of(
                  "recordingId", session.recording().recording().id(),
                  "chunks", totals.chunks(),
                  "durationSeconds", totals.seconds())));
      connection.closeAndAwait(CloseReason.NORMAL);
    } catch (IngestException e) {
      fail(connection, session, e.rejection(), e.getMessage());
    }
  }

  @OnClose
  public void onClose(WebSocketConnection connection) {
    Session session = connection.userData().get(SESSION);
    if (session == null || session.recording().isEnded()) {
      return;
    }
    CloseReason reason = connection.closeReason();
    if (reason != null && reason.getCode() == CloseReason.NORMAL.getCode()) {
      try {
        finish(session);
      } catch (IngestException e) {
        LOG.warnf(
            "Live stream %s could not be finished: %s",
            session.recording().recording().id(), e.getMessage());
      }
    } else {
      session
          .recording()
          .interrupt(
              "connection closed before the end message"
                  + (reason == null ? "" : " (code " + reason.getCode() + ")"));
    }
  }

  @OnError
  public void onError(WebSocketConnection connection, Throwable error) {
    Session session = connection.userData().get(SESSION);
    if (error instanceof IllegalArgumentException) {
      reply(
          connection,
          message("error", Map.of("error", "BAD_REQUEST", "message", error.getMessage())));
      connection.close(new CloseReason(1008, "bad request")).subscribe().with(ok -> {}, e -> {});
      return;
    }
    if (error instanceof IngestException ingest) {
      if (session != null) {
        fail(connection, session, ingest.rejection(), ingest.getMessage());
      } else {
        reply(
            connection,
            message(
                "error",
                Map.of("error", ingest.rejection().name(), "message", ingest.getMessage())));
        connection.close(new CloseReason(1011, "not accepted")).subscribe().with(ok -> {}, e -> {});
      }
      return;
    }
    if (session == null) {
      LOG.errorf(error, "Live stream failed before it started");
      return;
    }
    // A lost connection often reports here before @OnClose runs: keep what arrived.
    if (error instanceof io.vertx.core.http.HttpClosedException) {
      LOG.infof("Live stream %s lost its connection", session.recording().recording().id());
    } else {
      LOG.errorf(error, "Live stream %s failed", session.recording().recording().id());
    }
    session.recording().interrupt("stream ended by an error: " + error);
    if (connection.isOpen()) {
      connection.close(new CloseReason(1011, "STREAM_ABORTED")).subscribe().with(ok -> {}, e -> {});
    }
  }

  /** "end" or {"type":"end"} both mean end; likewise for status. */
  private String command(String text) {
    String t = text.strip();
    if (t.startsWith("{")) {
      try {
        return json.readTree(t).path("type").asText("");
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return "";
      }
    }
    return t;
  }

  private ChunkPublisher.Totals finish(Session session) throws IngestException {
    if (session.decoder().pendingBytes() > 0) {
      LOG.debugf("Dropping %d bytes of an incomplete last frame", session.decoder().pendingBytes());
    }
    return session.recording().finish();
  }

  private void fail(
      WebSocketConnection connection, Session session, Rejection rejection, String reason) {
    session.recording().abort(rejection, reason);
    reply(connection, message("error", Map.of("error", rejection.name(), "message", reason)));
    // 1009 tells the device the stream was too long; 1011 covers server-side failures.
    int code = rejection == Rejection.TOO_LONG ? 1009 : 1011;
    connection.close(new CloseReason(code, rejection.name())).subscribe().with(ok -> {}, e -> {});
  }

  private static String queryParam(WebSocketConnection connection, String name) {
    String query = connection.handshakeRequest().query();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key =
          java.net.URLDecoder.decode(
              eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0
            ? ""
            : java.net.URLDecoder.decode(
                pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private String message(String type, Map<String, Object> fields) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", type);
    body.putAll(fields);
    try {
      return json.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reply(WebSocketConnection connection, String text) {
    if (connection.isOpen()) {
      connection.sendText(text).subscribe().with(ok -> {}, e -> {});
    }
  }

  /** Tells the device about each chunk as Kafka acknowledges it. */
  private final class ChunkNotifier implements IngestListener {
    private final WebSocketConnection connection;

    ChunkNotifier(WebSocketConnection connection) {
      this.connection = connection;
    }

    @Override
    public void chunkPublished(
        Recording recording, EncodedChunk chunk, PublishReceipt receipt, long latencyNanos) {
      reply(
          connection,
          message(
              "chunk",
              Map.of(
                  "recordingId", recording.id(),
                  "sequence", chunk.sequence(),
                  "offsetSeconds", chunk.offsetSeconds(recording.sampleRate()),
                  "durationSeconds", chunk.durationSeconds(recording.sampleRate()))));
    }
  }
}
