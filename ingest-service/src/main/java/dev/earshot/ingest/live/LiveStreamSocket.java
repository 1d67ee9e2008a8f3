package dev.earshot.ingest.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.decode.RawPcmDecoder;
import dev.earshot.ingest.config.IngestBeans;
import dev.earshot.ingest.config.IngestConfig;
import dev.earshot.ingest.metrics.IngestMetrics;
import dev.earshot.ingest.openai.ServedModels;
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
import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.Json;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Live streams from edge devices over a WebSocket: binary messages carry raw PCM in the format
 * given in the URL, chunks reach Kafka while the device is still sending, and a text message {@code
 * end} (or a normal close) finishes the recording.
 *
 * <p>Messages to the device are JSON: {@code started} with the recording id, {@code chunk} for each
 * chunk Kafka acknowledged, {@code caption} for each live caption of the stream (unless the URL
 * says {@code captions=false}), then {@code finished} or {@code error}. After {@code finished} the
 * connection stays open until the stream's last caption was sent, up to {@code
 * ingest.live.last-caption-wait}, so a device sees the words it said last, where an STT worker that
 * captions announced itself on {@code earshot.models}.
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
  private final CaptionRoutes captionRoutes;
  private final ServedModels models;
  private final java.time.Duration lastCaptionWait;

  public LiveStreamSocket(
      IngestSettings settings,
      ChunkPublisher publisher,
      EventOutbox outbox,
      IngestMetrics metrics,
      ObjectMapper json,
      LiveAudioPublisher pieces,
      CaptionRoutes captionRoutes,
      ServedModels models,
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
    this.captionRoutes = captionRoutes;
    this.models = models;
    this.lastCaptionWait = config.live().lastCaptionWait();
    if (lastCaptionWait.isNegative()) {
      throw new IllegalArgumentException(
          "ingest.live.last-caption-wait must not be negative, got " + lastCaptionWait);
    }
  }

  /**
   * Per-connection state: the recording, the decoder that keeps partial frames, and the captions on
   * their way to the device (null when it did not want them).
   */
  private record Session(LiveRecording recording, RawPcmDecoder decoder, CaptionFeed captions) {
    void stopCaptions() {
      if (captions != null) {
        captions.route().close();
      }
    }
  }

  /** The stream's captions going to the device; {@code last} completes once the last was sent. */
  private record CaptionFeed(CaptionRoutes.Route route, CompletableFuture<Void> last) {}

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
    String id = recording.recording().id();
    CaptionFeed feed = null;
    if (params.captions() && captions.enabled()) {
      var last = new CompletableFuture<Void>();
      var route =
          captionRoutes.follow(
              id,
              caption -> {
                reply(connection, caption(caption));
                if (caption.last()) {
                  last.complete(null);
                }
              });
      feed = new CaptionFeed(route, last);
    }
    connection
        .userData()
        .put(
            SESSION,
            new Session(recording, new RawPcmDecoder(params.format(), params.channels()), feed));
    LOG.infof("Live stream %s opened: %s", id, params.describe());
    return message(
        "started",
        Map.of(
            "recordingId", id, "chunkSampleRate", settings.sampleRate(), "captions", feed != null));
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
      boolean captionsPending =
          session.captions() != null
              && !session.captions().last().isDone()
              && !lastCaptionWait.isZero()
              // No STT worker that captions announced itself: no last caption is coming.
              && models.captioning();
      // The summary must reach the device before the close frame does.
      connection.sendTextAndAwait(
          message(
              "finished",
              Map.of(
                  "recordingId", session.recording().recording().id(),
                  "chunks", totals.chunks(),
                  "durationSeconds", totals.seconds(),
                  "captionsPending", captionsPending)));
      if (!captionsPending) {
        session.stopCaptions();
        connection.closeAndAwait(CloseReason.NORMAL);
        return;
      }
      // The captioner decodes the stream's tail after its last piece: close once that caption
      // went out (its send was queued before this close), or when it does not come in time.
      session
          .captions()
          .last()
          .orTimeout(lastCaptionWait.toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete(
              (done, timeout) -> {
                session.stopCaptions();
                if (timeout != null) {
                  LOG.infof(
                      "Live stream %s: no last caption within %s; closing",
                      session.recording().recording().id(), lastCaptionWait);
                }
                if (connection.isOpen()) {
                  connection.close(CloseReason.NORMAL).subscribe().with(ok -> {}, e -> {});
                }
              });
    } catch (IngestException e) {
      fail(connection, session, e.rejection(), e.getMessage());
    }
  }

  @OnClose
  public void onClose(WebSocketConnection connection) {
    Session session = connection.userData().get(SESSION);
    if (session != null) {
      session.stopCaptions();
    }
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
    session.stopCaptions();
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

  /**
   * A caption as the device gets it: {@code type} caption, then the caption in its one JSON shape,
   * as on {@code earshot.captions} and the dashboard's event stream (snake_case).
   */
  private static String caption(Caption caption) {
    var node = Json.MAPPER.createObjectNode().put("type", "caption");
    node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(caption));
    return node.toString();
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
