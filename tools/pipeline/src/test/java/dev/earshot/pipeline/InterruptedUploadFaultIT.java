package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.WavBytes;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.pipeline.local.Home;
import dev.earshot.pipeline.local.LocalBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.junit.jupiter.api.Test;

/**
 * The broker stopped while a long upload's chunks are being published: the upload is answered 503
 * naming its recording, the recording ends FAILED with the reason as soon as the broker is back (a
 * results timeout shorter than the test would report it INCOMPLETE otherwise), and the same upload
 * sent again with its Idempotency-Key gets the same recording, which then ends COMPLETE.
 */
class InterruptedUploadFaultIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The broker's own produce quota for ingest's chunk producer, so the recording's chunks take half
   * a minute to publish and the broker can be stopped half-way: a local broker takes them in well
   * under a second. Kafka lets about ten seconds' worth through before it throttles.
   */
  private static final double PRODUCE_BYTES_PER_SECOND = 100_000;

  /** How long the broker stays away after the upload was answered. */
  private static final Duration KEPT_AWAY = Duration.ofSeconds(30);

  /** SmallRye's name for the producer of ingest's {@code audio-chunks} channel. */
  private static final String CHUNK_PRODUCER = "kafka-producer-audio-chunks";

  @Test
  void anUploadCutOffByTheBrokerEndsFailedAndItsRetryWithTheSameKeyEndsComplete() throws Exception {
    Path root = Path.of(System.getProperty("earshot.root", "..")).toAbsolutePath().normalize();
    Path state = Files.createTempDirectory("earshot-interrupted");
    LocalBroker broker = new LocalBroker(new Home(root, state), freePort(), freePort());
    Path recording = longRecording(state.resolve("three-minutes.wav"));
    try {
      broker.start(System.err);
      Map<String, String> environment =
          Map.of(
              // Fail the upload within seconds of the outage rather than the default minute.
              "INGEST_PUBLISH_TIMEOUT", "10S",
              // Without ingest's FAILED event the join would report the recording INCOMPLETE
              // after this much quiet, within the test.
              "RESULTS_INCOMPLETE_TIMEOUT", "120S");
      try (Services services =
          Pipelines.start(broker.bootstrapServers(), 15_000, "-interrupted", environment)) {
        IngestClient ingest = services.ingestClient();
        String key = IngestClient.keyOf(recording);
        throttleChunkProducer(broker.bootstrapServers(), PRODUCE_BYTES_PER_SECOND);

        CompletableFuture<IngestClient.Upload> cutOff =
            CompletableFuture.supplyAsync(() -> upload(ingest, recording, key));
        awaitChunksPublished(services, 2, Duration.ofMinutes(2));
        long stopped = System.nanoTime();
        assertThat(broker.stop()).isTrue();
        IngestClient.Upload refused = cutOff.get(3, TimeUnit.MINUTES);
        double answered = (System.nanoTime() - stopped) / 1e9;

        assertThat(refused.status()).as(refused.message()).isEqualTo(503);
        assertThat(refused.error()).isEqualTo("KAFKA_UNAVAILABLE");
        String id = refused.recordingId();
        assertThat(id).isNotNull();
        assertThat(refused.message())
            .contains("recording " + id + " will be marked FAILED as soon as Kafka is back")
            .contains("same Idempotency-Key");
        assertThat(pendingEvents(services)).isEqualTo(1);
        // Long enough for the producer to give up the FAILED event (its 30 s delivery timeout),
        // so the outbox has to send it again.
        Thread.sleep(KEPT_AWAY.toMillis());
        assertThat(pendingEvents(services)).isEqualTo(1);

        long restarted = System.nanoTime();
        broker.start(System.err);
        throttleChunkProducer(broker.bootstrapServers(), null);
        JsonNode failed = awaitStatus(services, id, "FAILED", Duration.ofMinutes(2));
        double failedAfter = (System.nanoTime() - restarted) / 1e9;
        assertThat(failed.get("reason").asText())
            .startsWith("KAFKA_UNAVAILABLE: Kafka did not acknowledge");
        int publishedBefore = failed.get("chunks").asInt();
        assertThat(pendingEvents(services)).isZero();
        Matcher delivered =
            Pattern.compile(
                    "FAILED event of recording " + id + " delivered to Kafka after (\\d+) resend")
                .matcher(Files.readString(services.get("ingest-service").log()));
        assertThat(delivered.find()).as("ingest logs the delivery").isTrue();
        int resends = Integer.parseInt(delivered.group(1));
        assertThat(resends).isPositive();

        long retried = System.nanoTime();
        IngestClient.Upload again = upload(ingest, recording, key);
        assertThat(again.status()).as(again.message()).isEqualTo(202);
        assertThat(again.recordingId()).isEqualTo(id);
        assertThat(again.replayed()).isFalse();
        JsonNode complete = awaitStatus(services, id, "COMPLETE", Duration.ofMinutes(3));
        double completeAfter = (System.nanoTime() - retried) / 1e9;

        System.out.printf(
            "Broker stopped after %d of %d chunks were acknowledged: upload answered 503 %.1f s"
                + " later; broker away %.0f s in all, the FAILED event sent %d time(s) more;"
                + " FAILED (%d chunks) visible %.1f s after the broker was back; the retry with"
                + " the same Idempotency-Key (same recording) COMPLETE %.1f s after it was sent%n",
            publishedBefore,
            again.chunks(),
            answered,
            (restarted - stopped) / 1e9,
            resends,
            publishedBefore,
            failedAfter,
            completeAfter);
        assertThat(complete.get("chunks").asInt()).isEqualTo(again.chunks());
        assertThat(complete.get("chunks_joined").asInt()).isEqualTo(again.chunks());
        assertThat(complete.get("transcription").asText()).containsIgnoringCase("your country");
      }
    } finally {
      broker.stop();
    }
  }

  /**
   * About three minutes of real speech: the LibriVox clips and the JFK sample, one after the other,
   * over and over, as 16 kHz mono 16-bit WAV.
   */
  private static Path longRecording(Path file) throws IOException {
    AssetCache assets = AssetCache.atDefaultLocation();
    List<Path> clips = new ArrayList<>();
    try (Stream<Path> files = Files.list(assets.fetchAll(Catalog.LIBRIVOX))) {
      files.filter(f -> f.toString().endsWith(".wav")).sorted().forEach(clips::add);
    }
    clips.add(assets.fetch(Catalog.JFK_WAV));
    List<float[]> parts = new ArrayList<>();
    for (Path clip : clips) {
      parts.add(AudioLoader.loadMono(clip, 16000));
    }
    int target = 180 * 16000;
    float[] audio = new float[target];
    int at = 0;
    for (int i = 0; at < target; i++) {
      float[] part = parts.get(i % parts.size());
      int n = Math.min(part.length, target - at);
      System.arraycopy(part, 0, audio, at, n);
      at += n;
    }
    Files.write(file, WavBytes.of(WavBytes.Format.S16, 1, 16000, audio).build());
    return file;
  }

  /**
   * Sets (or, with null, removes) the broker's produce quota for ingest's chunk producer: Kafka
   * throttles a client over its quota by delaying its answers, as a busy cluster does.
   */
  private static void throttleChunkProducer(String bootstrap, Double bytesPerSecond)
      throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .alterClientQuotas(
              List.of(
                  new ClientQuotaAlteration(
                      new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, CHUNK_PRODUCER)),
                      List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond)))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static IngestClient.Upload upload(IngestClient ingest, Path file, String key) {
    try {
      return ingest.upload(file, file.getFileName().toString(), null, null, key);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until Kafka acknowledged this many uploaded chunks (ingest's own counter). */
  private static void awaitChunksPublished(Services services, int chunks, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (metric(services, "earshot_ingest_chunks_total\\{source=\"upload\"}") < chunks) {
      assertThat(System.nanoTime()).as("chunks published in time").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static double pendingEvents(Services services) throws Exception {
    return metric(services, "earshot_ingest_pending_events");
  }

  /** A metric of ingest-service's /q/metrics; 0 when it is not there yet. */
  private static double metric(Services services, String series) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(services.ingestUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(r.body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /**
   * Polls the query API until the recording has the status; INCOMPLETE on the way fails at once,
   * since it would mean the join timed out instead of hearing how the recording ended.
   */
  private static JsonNode awaitStatus(Services services, String id, String status, Duration timeout)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "nothing";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = Pipelines.recording(http, services, id);
      if (r.statusCode() == 200) {
        JsonNode result = JSON.readTree(r.body());
        last = result.get("status").asText();
        assertThat(last).as("status of %s", id).isNotEqualTo("INCOMPLETE");
        if (last.equals(status)) {
          return result;
        }
      } else {
        last = "HTTP " + r.statusCode();
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        id + " is not " + status + " after " + timeout + " (last: " + last + ")");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
