package dev.earshot.pipeline.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether anything accepts connections at a Kafka bootstrap list, before clients wait on it. */
public final class KafkaAddress {

  private KafkaAddress() {}

  /** True when any {@code host:port} of the comma-separated list accepts a TCP connection. */
  public static boolean reachable(String bootstrapServers, int timeoutMillis) {
    for (String server : bootstrapServers.split(",")) {
      String s = server.strip().replaceFirst("^[a-zA-Z]+://", "");
      int colon = s.lastIndexOf(':');
      if (colon <= 0) {
        continue;
      }
      String host = s.substring(0, colon).replace("[", "").replace("]", "");
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(host, Integer.parseInt(s.substring(colon + 1))), timeoutMillis);
        return true;
      } catch (IOException | IllegalArgumentException notThere) {
        // Try the next server.
      }
    }
    return false;
  }

  /** Whether a local port is taken (by anything). */
  public static boolean portTaken(int port) {
    return reachable("127.0.0.1:" + port, 1000);
  }
}
