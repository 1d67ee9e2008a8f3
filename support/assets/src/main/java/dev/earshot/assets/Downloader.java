package dev.earshot.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Streams a URL into a file while hashing it. Failures are {@link IOException}s whose message is a
 * short reason ({@code HTTP 404}, {@code unknown host}, ...). A host that could not be connected to
 * is skipped for a minute, so the remaining files of a batch fall back at once.
 */
final class Downloader {

  /** What arrived: its sha256 and size. */
  record Result(String sha256, long size) {}

  private record Unreachable(String reason, long untilNanos) {}

  /** How the reason of a source skipped because its host was unreachable begins. */
  static final String SKIPPED = "skipped: ";

  private static final long UNREACHABLE_MEMORY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final String USER_AGENT = "earshot-assets/0.1 (java.net.http)";

  private final FetchSettings settings;
  private final ConcurrentMap<String, Unreachable> unreachable = new ConcurrentHashMap<>();
  private HttpClient client;

  Downloader(FetchSettings settings) {
    this.settings = settings;
  }

  Result download(URI uri, Path target, long maxSize) throws IOException {
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      return copy(Path.of(uri), target);
    }
    String hostKey = hostKey(uri);
    Unreachable known = unreachable.get(hostKey);
    if (known != null && System.nanoTime() - known.untilNanos() < 0) {
      throw new IOException(
          SKIPPED + hostKey + " was unreachable moments ago (" + known.reason() + ")");
    }
    try {
      return http(uri, target, maxSize);
    } catch (IOException e) {
      if (isConnectFailure(e)) {
        unreachable.put(
            hostKey, new Unreachable(e.getMessage(), System.nanoTime() + UNREACHABLE_MEMORY_NANOS));
      }
      throw e;
    }
  }

  private Result http(URI uri, Path target, long maxSize) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.responseTimeout())
            .header("User-Agent", USER_AGENT)
            // Plain-http servers and proxies do not all cope with an h2c upgrade request.
            .version(
                "http".equalsIgnoreCase(uri.getScheme())
                    ? HttpClient.Version.HTTP_1_1
                    : HttpClient.Version.HTTP_2)
            .GET()
            .build();
    try (FileChannel channel =
        FileChannel.open(
            target,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      FileSubscriber body = new FileSubscriber(uri, channel, maxSize, settings.listener());
      CompletableFuture<HttpResponse<Void>> response =
          client()
              .sendAsync(
                  request,
                  info -> {
                    if (info.statusCode() != 200) {
                      return BodySubscribers.replacing(null);
                    }
                    long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
                    if (maxSize >= 0 && length > maxSize) {
                      throw new UncheckedIOException(
                          new IOException(
                              "size mismatch: expected "
                                  + maxSize
                                  + " bytes, server announces "
                                  + length));
                    }
                    settings.listener().downloadStarted(uri, length);
                    body.total = length;
                    return body;
                  });
      HttpResponse<Void> answer = await(response, body);
      if (answer.statusCode() != 200) {
        throw new IOException("HTTP " + answer.statusCode());
      }
      channel.force(false);
      settings.listener().downloadFinished(uri, body.bytes);
      return new Result(Sha256.hex(body.digest), body.bytes);
    }
  }

  private HttpResponse<Void> await(
      CompletableFuture<HttpResponse<Void>> response, FileSubscriber body) throws IOException {
    long stallNanos = settings.stallTimeout().toNanos();
    while (true) {
      try {
        return response.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() - body.lastActivity > stallNanos) {
          response.cancel(true);
          throw new IOException("stalled: no data for " + seconds(settings.stallTimeout()));
        }
      } catch (ExecutionException e) {
        Throwable cause =
            e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
        throw new IOException(reason(cause), cause);
      } catch (InterruptedException e) {
        response.cancel(true);
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      }
    }
  }

  private String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "connect timed out after " + seconds(settings.connectTimeout());
      }
      if (t instanceof HttpTimeoutException) {
        return "no response within " + seconds(settings.responseTimeout());
      }
      if (t instanceof SSLException) {
        return "TLS failure: " + t.getMessage();
      }
      if (t instanceof UncheckedIOException && t.getCause().getMessage() != null) {
        return t.getCause().getMessage();
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return t.getMessage() == null ? "connection refused" : t.getMessage();
      }
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static boolean isConnectFailure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof HttpConnectTimeoutException
          || t instanceof UnresolvedAddressException
          || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static Result copy(Path source, Path target) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    long size = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(source);
        OutputStream out = Files.newOutputStream(target)) {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
        size += n;
      }
    } catch (NoSuchFileException e) {
      throw new IOException("no such file", e);
    }
    return new Result(Sha256.hex(digest), size);
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(settings.connectTimeout())
              .followRedirects(HttpClient.Redirect.NORMAL)
              .proxy(
                  EnvProxySelector.fromEnvironment(System.getenv())
                      .orElseGet(ProxySelector::getDefault))
              .build();
    }
    return client;
  }

  private static String hostKey(URI uri) {
    int port = uri.getPort();
    if (port == -1) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    return String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  /** Writes the body to the file and hashes it as it arrives, one buffer list at a time. */
  private static final class FileSubscriber implements BodySubscriber<Void> {

    private final URI uri;
    private final FileChannel channel;
    private final long maxSize;
    private final ProgressListener listener;
    private final MessageDigest digest = Sha256.newDigest();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private volatile long lastActivity = System.nanoTime();
    private volatile long total = -1;
    private volatile long bytes;

    FileSubscriber(URI uri, FileChannel channel, long maxSize, ProgressListener listener) {
      this.uri = uri;
      this.channel = channel;
      this.maxSize = maxSize;
      this.listener = listener;
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
      subscription = value;
      value.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      try {
        long count = bytes;
        for (ByteBuffer buffer : buffers) {
          digest.update(buffer.duplicate());
          count += buffer.remaining();
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        }
        bytes = count;
        lastActivity = System.nanoTime();
        if (maxSize >= 0 && count > maxSize) {
          throw new IOException("size mismatch: more than the expected " + maxSize + " bytes");
        }
        listener.downloadProgress(uri, count, total);
        subscription.request(1);
      } catch (IOException | RuntimeException e) {
        subscription.cancel();
        done.completeExceptionally(e);
      }
    }

    @Override
    public void onError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
      return done;
    }
  }
}
