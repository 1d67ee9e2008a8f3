package dev.earshot.pipeline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A live recording on ingest-service's WebSocket ({@code /recordings/live}): 16-bit PCM goes out
 * while it is captured or decoded, the service answers {@code started} with the recording id, a
 * {@code chunk} message for each chunk Kafka acknowledged, {@code caption} for each live caption
 * when they were asked for, and {@code finished} after {@code end}.
 */
public final class LiveStream implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the service said when the recording ended.
   *
   * @param captionsPending the stream's last caption is still to come ({@link #awaitLastCaption})
   */
  public record Finished(String recordingId, int chunks, double seconds, boolean captionsPending) {}

  private final WebSocket socket;
  private final BlockingQueue<JsonNode> messages;
  private final String recordingId;
  private final CompletableFuture<Boolean> lastCaption;

  private LiveStream(
      WebSocket socket,
      BlockingQueue<JsonNode> messages,
      String recordingId,
      CompletableFuture<Boolean> lastCaption) {
    this.socket = socket;
    this.messages = messages;
    this.recordingId = recordingId;
    this.lastCaption = lastCaption;
  }

  /**
   * Opens a recording of 16-bit little-endian PCM at the given rate and channels; returns once the
   * service has started it.
   *
   * @param onChunk told about each chunk Kafka acknowledged (its JSON message)
   * @param onCaption told about each live caption of the stream as it arrives, on the connection's
   *     thread; null asks the service for none
   */
  public static LiveStream open(
      IngestClient ingest,
      int sampleRate,
      int channels,
      String name,
      String device,
      Consumer<JsonNode> onChunk,
      Consumer<Caption> onCaption)
      throws IOException, InterruptedException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("sampleRate", String.valueOf(sampleRate));
    query.put("channels", String.valueOf(channels));
    query.put("format", "s16le");
    query.put("name", name);
    query.put("device", device);
    query.put("captions", String.valueOf(onCaption != null));
    URI uri =
        URI.create(
            ingest.baseUrl().replaceFirst("^http", "ws")
                + "/recordings/live?"
                + IngestClient.query(query));
    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    CompletableFuture<Boolean> lastCaption = new CompletableFuture<>();
    WebSocket socket;
    try {
      socket =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .newWebSocketBuilder()
              .header(IngestClient.API_KEY_HEADER, ingest.apiKey())
              .buildAsync(uri, new Listener(messages, onChunk, onCaption, lastCaption))
              .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        var response = refused.getResponse();
        throw new IOException(
            "ingest-service refused the live stream ("
                + response.statusCode()
                + "): "
                + response.headers().firstValue("X-Earshot-Error").orElse("no reason given"));
      }
      throw new IOException(
          "ingest-service at " + ingest.baseUrl() + " is unreachable", e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("ingest-service at " + ingest.baseUrl() + " did not answer", e);
    }
    JsonNode started = next(messages, "started", Duration.ofSeconds(30));
    if (!started.path("captions").asBoolean()) {
      // This ingest-service sends none (ingest.live.captions=false, or it predates captions).
      lastCaption.complete(false);
    }
    return new LiveStream(socket, messages, started.path("recordingId").asText(), lastCaption);
  }

  /**
   * Decodes a file here and sends it as a live recording, at the pace the service takes it, for
   * audio over the upload limit; returns once every chunk is in Kafka.
   */
  public static Finished sendFile(IngestClient ingest, Path file, String name, String device)
      throws IOException, InterruptedException {
    try (PcmStream pcm = AudioDecoder.open(file);
        LiveStream live =
            open(
                ingest,
                pcm.info().sampleRate(),
                pcm.info().channels(),
                name,
                device,
                m -> {},
                null)) {
      // About a second per message, well under the service's 1 MiB message limit.
      float[] buffer = new float[pcm.info().sampleRate() * pcm.info().channels()];
      for (int n = pcm.read(buffer, 0, buffer.length);
          n >= 0;
          n = pcm.read(buffer, 0, buffer.length)) {
        live.send(buffer, 0, n);
      }
      return live.finish();
    }
  }

  public String recordingId() {
    return recordingId;
  }

  /** Sends 16-bit little-endian PCM frames as they came from a sound card. */
  public void sendPcm16(byte[] bytes, int offset, int length) throws IOException {
    send(ByteBuffer.wrap(bytes, offset, length));
  }

  /** Sends interleaved float samples in [-1, 1] as 16-bit PCM. */
  public void send(float[] samples, int offset, int length) throws IOException {
    ByteBuffer pcm = ByteBuffer.allocate(length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = offset; i < offset + length; i++) {
      float s = Math.max(-1f, Math.min(1f, samples[i]));
      pcm.putShort((short) Math.round(s * 32767));
    }
    // The JDK's WebSocket client (17) masks eight bytes at a time through the buffer's own byte
    // order: a little-endian buffer went out with every eight bytes reversed, which turned speech
    // into noise (Whisper heard "Thank you for watching!"). The same bytes in a buffer of the
    // default order go out as they are.
    send(ByteBuffer.wrap(pcm.array(), 0, pcm.position()));
  }

  private void send(ByteBuffer data) throws IOException {
    JsonNode problem = messages.stream().filter(m -> isEnd(m)).findFirst().orElse(null);
    if (problem != null) {
      throw new IOException("the live stream ended: " + describe(problem));
    }
    try {
      // One message at a time: the service's pace bounds what waits in memory here.
      socket.sendBinary(data, true).join();
    } catch (CompletionException e) {
      throw new IOException("the live stream broke: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Ends the recording and waits until every chunk is in Kafka. */
  public Finished finish() throws IOException, InterruptedException {
    try {
      socket.sendText("end", true).join();
    } catch (CompletionException e) {
      throw new IOException("the live stream broke: " + e.getCause().getMessage(), e.getCause());
    }
    JsonNode finished = next(messages, "finished", Duration.ofMinutes(5));
    return new Finished(
        finished.path("recordingId").asText(recordingId),
        finished.path("chunks").asInt(),
        finished.path("durationSeconds").asDouble(),
        finished.path("captionsPending").asBoolean());
  }

  /**
   * After {@link #finish()}, waits until the stream's last caption arrived (the service closes the
   * connection after it, or once it gave up waiting); returns whether it came.
   */
  public boolean awaitLastCaption(Duration timeout) throws InterruptedException {
    try {
      return lastCaption.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** Without {@link #finish()}, closing abandons the recording (the service marks it FAILED). */
  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(1001, "client gave up").exceptionally(e -> null);
    }
    socket.abort();
  }

  private static JsonNode next(BlockingQueue<JsonNode> messages, String type, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode m = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new IOException("ingest-service sent no '" + type + "' within " + timeout);
      }
      String got = m.path("type").asText();
      if (got.equals(type)) {
        return m;
      }
      if (isEnd(m)) {
        throw new IOException(describe(m));
      }
    }
  }

  private static boolean isEnd(JsonNode m) {
    String type = m.path("type").asText();
    return type.equals("error") || type.equals("closed");
  }

  private static String describe(JsonNode m) {
    return m.path("type").asText().equals("error")
        ? m.path("error").asText() + ": " + m.path("message").asText()
        : "ingest-service closed the connection" + m.path("reason").asText("");
  }

  /** Collects the service's JSON messages; chunk notices and captions go to the caller. */
  private static final class Listener implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> messages;
    private final Consumer<JsonNode> onChunk;
    private final Consumer<Caption> onCaption;
    private final CompletableFuture<Boolean> lastCaption;
    private final StringBuilder text = new StringBuilder();

    Listener(
        BlockingQueue<JsonNode> messages,
        Consumer<JsonNode> onChunk,
        Consumer<Caption> onCaption,
        CompletableFuture<Boolean> lastCaption) {
      this.messages = messages;
      this.onChunk = onChunk;
      this.onCaption = onCaption;
      this.lastCaption = lastCaption;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode m = JSON.readTree(text.toString());
          String type = m.path("type").asText();
          if (type.equals("chunk")) {
            onChunk.accept(m);
          } else if (type.equals("caption")) {
            // Captions keep the one JSON shape of earshot.captions (snake_case).
            Caption caption = Json.MAPPER.treeToValue(m, Caption.class);
            if (onCaption != null) {
              onCaption.accept(caption);
            }
            if (caption.last()) {
              lastCaption.complete(true);
            }
          } else {
            messages.add(m);
          }
        } catch (IOException e) {
          messages.add(
              JSON.createObjectNode()
                  .put("type", "error")
                  .put("error", "BAD_MESSAGE")
                  .put("message", "ingest-service sent " + text));
        }
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      lastCaption.complete(false);
      messages.add(
          JSON.createObjectNode()
              .put("type", "closed")
              .put("reason", " (" + status + (reason.isEmpty() ? "" : " " + reason) + ")"));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      lastCaption.complete(false);
      messages.add(
          JSON.createObjectNode()
              .put("type", "error")
              .put("error", "CONNECTION")
              .put("message", String.valueOf(error.getMessage())));
    }
  }
}
