package dev.earshot.ingest.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A device streaming PCM to the live endpoint, collecting the service's JSON messages. */
final class WsClient implements WebSocket.Listener {

  private static final ObjectMapper JSON = new ObjectMapper();

  final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

  /** Every message received, in order, including those {@link #next} skipped. */
  final java.util.List<JsonNode> received = new java.util.concurrent.CopyOnWriteArrayList<>();

  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  WebSocket socket;

  static WsClient connect(URI uri, String apiKey) {
    WsClient client = new WsClient();
    var builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (apiKey != null) {
      builder.header("X-API-Key", apiKey);
    }
    client.socket = builder.buildAsync(uri, client).join();
    return client;
  }

  /** The next message of the given type, skipping others; fails after 30 s. */
  JsonNode next(String type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonNode message = messages.poll(200, TimeUnit.MILLISECONDS);
      if (message != null && message.path("type").asText().equals(type)) {
        return message;
      }
    }
    throw new AssertionError("no '" + type + "' message within 30 s");
  }

  void send(byte[] bytes, int from, int to) {
    socket.sendBinary(java.nio.ByteBuffer.wrap(bytes, from, to - from), true).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode message = JSON.readTree(partial.toString());
        received.add(message);
        messages.add(message);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("not JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }
}
