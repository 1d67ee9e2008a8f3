package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.pipeline.captions.CaptionFollower;
import dev.earshot.pipeline.captions.LiveCaptionRun;
import dev.earshot.pipeline.captions.Reading;
import dev.earshot.schema.result.Caption;
import dev.earshot.testbroker.TestBroker;
import dev.earshot.whisper.CpuFeatures;
import dev.earshot.whisper.EnglishTextNormalizer;
import dev.earshot.whisper.WhisperModels;
import dev.earshot.whisper.WordErrorRate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Live captions through the four packaged services with the real models: the LibriVox reading (28 s
 * of real speech) goes to ingest's live WebSocket at the pace it was spoken, and its captions come
 * on {@code earshot.captions}, back on the streaming connection and on results-service's event
 * stream while it is spoken, partial before committed, and the committed text ends close to the
 * same audio transcribed whole.
 */
class LiveCaptionsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aStreamSpokenLiveGetsPartialThenCommittedCaptionsOnTheTopicAndTheEventStream()
      throws Exception {
    String bootstrap = TestBroker.bootstrapServers();
    Reading reading = Reading.load(AssetCache.atDefaultLocation(), 1, false);
    try (Services services =
        Pipelines.start(
            bootstrap,
            11_000,
            "-captions-" + UUID.randomUUID().toString().substring(0, 8),
            Map.of())) {
      services.awaitCaptions(Duration.ofMinutes(2));
      List<JsonNode> events = new CopyOnWriteArrayList<>();
      Thread sse = follow(services, events);
      LiveCaptionRun.Run run;
      try (CaptionFollower follower = new CaptionFollower(bootstrap, "earshot.captions")) {
        run =
            LiveCaptionRun.stream(
                services.ingestClient(),
                follower,
                reading.samples(),
                "captions-it",
                Duration.ofSeconds(60));
      }
      List<Caption> captions =
          run.captions().stream().map(CaptionFollower.Arrived::caption).toList();
      String committed =
          String.join(
              " ", captions.stream().map(Caption::committed).filter(c -> !c.isEmpty()).toList());
      String described = "captions on " + CpuFeatures.host() + ": " + committed;

      // In order, every one of them, and the last one says so.
      assertThat(captions).as(described).isNotEmpty();
      for (int i = 0; i < captions.size(); i++) {
        assertThat(captions.get(i).sequence()).as(described).isEqualTo(i);
      }
      assertThat(captions.get(captions.size() - 1).last()).as(described).isTrue();
      assertThat(captions).filteredOn(Caption::last).hasSize(1);
      // Partial text comes first, and committed text comes while the reader is still reading.
      int firstPartial = indexOf(captions, c -> !c.partial().isEmpty());
      int firstCommit = indexOf(captions, c -> !c.committed().isEmpty());
      assertThat(firstPartial).as(described).isLessThan(firstCommit);
      long streamEnd = run.startNanos() + (long) (reading.seconds() * 1e9);
      assertThat(run.captions())
          .as(described)
          .anyMatch(
              a -> !a.caption().committed().isEmpty() && a.nanos() < streamEnd - 5_000_000_000L);

      // Close to the same audio transcribed whole: the recording's own result (10 s chunks).
      JsonNode whole =
          Pipelines.awaitComplete(services, List.of(run.recordingId()), Duration.ofMinutes(3))
              .get(run.recordingId());
      assertThat(whole).as("the recording's result").isNotNull();
      var normalizer =
          EnglishTextNormalizer.forModel(
              WhisperModels.resolve("tiny", AssetCache.atDefaultLocation()));
      String said = normalizer.normalize(reading.reference());
      var captionErrors = WordErrorRate.count(said, normalizer.normalize(committed));
      var wholeErrors =
          WordErrorRate.count(said, normalizer.normalize(whole.get("transcription").asText()));
      // CaptionerTest measured 2 words more than the whole reading in one window, on these 71
      // words; another 3 allow for other processors' kernels and the live windows' timing. A cut
      // that lost or repeated a segment would cost 5 to 15 words at once.
      assertThat(captionErrors.edits())
          .as("%s; the whole recording: %s", described, whole.get("transcription").asText())
          .isLessThanOrEqualTo(wholeErrors.edits() + 5);

      // Any reader of the dashboard's event stream followed the same captions.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline
          && events.stream()
              .noneMatch(
                  e ->
                      e.path("recording_id").asText().equals(run.recordingId())
                          && e.path("last").asBoolean())) {
        Thread.sleep(100);
      }
      sse.interrupt();
      List<JsonNode> mine =
          events.stream()
              .filter(e -> e.path("recording_id").asText().equals(run.recordingId()))
              .toList();
      assertThat(mine)
          .extracting(e -> e.get("sequence").asInt())
          .containsExactlyElementsOf(captions.stream().map(Caption::sequence).toList());

      // The streaming device got the same captions back on its own connection.
      assertThat(run.onConnection())
          .extracting(a -> a.caption().sequence() + ":" + a.caption().committed())
          .containsExactlyElementsOf(
              captions.stream().map(c -> c.sequence() + ":" + c.committed()).toList());
    }
  }

  /** Follows results-service's event stream as a reader, keeping the caption events. */
  private static Thread follow(Services services, List<JsonNode> captions) throws Exception {
    var lines =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(services.resultsUrl() + "/api/events"))
                    .header("Authorization", "Bearer " + services.readKey())
                    .build(),
                HttpResponse.BodyHandlers.ofLines())
            .body()
            .iterator();
    Thread thread =
        new Thread(
            () -> {
              String event = null;
              try {
                while (lines.hasNext()) {
                  String line = lines.next();
                  if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                  } else if (line.startsWith("data:") && "caption".equals(event)) {
                    captions.add(JSON.readTree(line.substring(5).strip()));
                  }
                }
              } catch (Exception e) {
                // The stream closes with the services.
              }
            },
            "event-stream");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static int indexOf(List<Caption> captions, java.util.function.Predicate<Caption> test) {
    for (int i = 0; i < captions.size(); i++) {
      if (test.test(captions.get(i))) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
