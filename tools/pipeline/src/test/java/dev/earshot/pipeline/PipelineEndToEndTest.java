package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.cli.InProcess;
import dev.earshot.pipeline.cli.EarshotCommand;
import dev.earshot.pipeline.deploy.DeploymentFiles;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.pipeline.ingest.SyntheticMicrophone;
import dev.earshot.pipeline.replay.GroupReset;
import dev.earshot.pipeline.replay.ResultChanges;
import dev.earshot.pipeline.replay.ResultTopic;
import dev.earshot.results.HeadlessChromium;
import dev.earshot.results.PngChecks;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.testbroker.TestBroker;
import dev.earshot.whisper.CpuFeatures;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The whole pipeline: the four packaged services (two results-service instances) on the real
 * in-process broker with the real models. A recording goes in over HTTP and comes out as one
 * recording result with pictures, live on the dashboard; a corrupt file comes out as a FAILED
 * result.
 */
class PipelineEndToEndTest {

  /** What Kennedy said, from the asset catalogue; independent of any model. */
  static final String JFK =
      "And so my fellow Americans, ask not what your country can do for you, ask what you can do"
          + " for your country.";

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path WORK = Path.of("target", "e2e");
  static Services services;

  @BeforeAll
  static void startPipeline() throws Exception {
    Path root = Path.of(System.getProperty("earshot.root", "..")).toAbsolutePath().normalize();
    services =
        Services.start(
            new Services.Options(
                root,
                TestBroker.bootstrapServers(),
                Services.Ports.DEFAULT.shifted(10_000),
                "-e2e-" + UUID.randomUUID().toString().substring(0, 8),
                WORK.toAbsolutePath(),
                2,
                Map.of()));
  }

  @AfterAll
  static void stopPipeline() {
    if (services != null) {
      services.close();
    }
  }

  /**
   * OpenAI's official Java client, unchanged but for its base URL and key, against ingest's
   * OpenAI-compatible API: the model list, json, verbose_json with words and Earshot's extra field,
   * srt, a translation and the errors it maps to its own exceptions.
   */
  @Test
  void openAisJavaClientTranscribesThroughThePipeline() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    com.openai.client.OpenAIClient client =
        com.openai.client.okhttp.OpenAIOkHttpClient.builder()
            .apiKey(services.apiKey())
            .baseUrl(services.ingestUrl() + "/v1")
            .timeout(Duration.ofMinutes(3))
            .maxRetries(0)
            .build();
    try {
      // The STT worker announces its model once loaded.
      List<String> served = List.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (served.isEmpty() && System.nanoTime() < deadline) {
        served =
            client.models().list().data().stream().map(com.openai.models.models.Model::id).toList();
        Thread.sleep(500);
      }
      System.out.println("GET /v1/models: " + served);
      assertThat(served).contains("openai/whisper-tiny");

      var json =
          client
              .audio()
              .transcriptions()
              .create(
                  com.openai.models.audio.transcriptions.TranscriptionCreateParams.builder()
                      .file(jfk)
                      .model(com.openai.models.audio.AudioModel.WHISPER_1)
                      .build());
      System.out.println("json: " + json);
      assertThat(json.asTranscription().text())
          .as("on %s", CpuFeatures.host())
          .containsIgnoringCase("ask not what your country can do for you");

      var verbose =
          client
              .audio()
              .transcriptions()
              .create(
                  com.openai.models.audio.transcriptions.TranscriptionCreateParams.builder()
                      .file(jfk)
                      .model("whisper-1")
                      .language("en")
                      .responseFormat(com.openai.models.audio.AudioResponseFormat.VERBOSE_JSON)
                      .addTimestampGranularity(
                          com.openai.models.audio.transcriptions.TranscriptionCreateParams
                              .TimestampGranularity.WORD)
                      .addTimestampGranularity(
                          com.openai.models.audio.transcriptions.TranscriptionCreateParams
                              .TimestampGranularity.SEGMENT)
                      .build())
              .asVerbose();
      System.out.println("verbose_json: " + verbose);
      assertThat(verbose.language()).isEqualTo("english");
      assertThat(verbose.duration()).isCloseTo(11.0, org.assertj.core.data.Offset.offset(0.01));
      assertThat(verbose.segments().orElseThrow())
          .isNotEmpty()
          .allSatisfy(
              seg -> {
                assertThat(seg.end()).isGreaterThan(seg.start());
                assertThat(seg.avgLogprob()).isNegative();
                assertThat(seg.noSpeechProb()).isBetween(0f, 1f);
                assertThat(seg.compressionRatio()).isPositive();
              });
      var words = verbose.words().orElseThrow();
      assertThat(words).hasSizeGreaterThan(15);
      assertThat(words)
          .allSatisfy(w -> assertThat(w.end()).isGreaterThanOrEqualTo(w.start()))
          .allSatisfy(w -> assertThat(w.word()).isNotBlank().doesNotStartWith(" "));
      assertThat(words.get(words.size() - 1).end()).isLessThanOrEqualTo(11.0);
      var earshot = verbose._additionalProperties().get("earshot");
      assertThat(earshot).isNotNull();
      JsonNode extra = JSON.readTree(JSON.writeValueAsString(earshot.convert(Object.class)));
      assertThat(extra.get("predicted_label").asText()).isEqualTo("speech");
      assertThat(extra.get("status").asText()).isEqualTo("COMPLETE");

      // Subtitles come as text: the client's raw response holds them.
      try (var raw =
          client
              .audio()
              .transcriptions()
              .withRawResponse()
              .create(
                  com.openai.models.audio.transcriptions.TranscriptionCreateParams.builder()
                      .file(jfk)
                      .model("whisper-1")
                      .responseFormat(com.openai.models.audio.AudioResponseFormat.SRT)
                      .build())) {
        String srt = new String(raw.body().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("srt:\n" + srt);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(srt)
            .startsWith("1\n00:00:0")
            .containsPattern("\\d{2}:\\d{2}:\\d{2},\\d{3} --> \\d{2}:\\d{2}:\\d{2},\\d{3}")
            .containsIgnoringCase("country");
      }

      var translation =
          client
              .audio()
              .translations()
              .create(
                  com.openai.models.audio.translations.TranslationCreateParams.builder()
                      .file(jfk)
                      .model(com.openai.models.audio.AudioModel.WHISPER_1)
                      .build());
      System.out.println("translation: " + translation);
      assertThat(translation.asTranslation().text()).containsIgnoringCase("country");

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  client
                      .audio()
                      .transcriptions()
                      .create(
                          com.openai.models.audio.transcriptions.TranscriptionCreateParams.builder()
                              .file(jfk)
                              .model("whisper-large-v9")
                              .build()))
          .isInstanceOf(com.openai.errors.BadRequestException.class)
          .hasMessageContaining("whisper-large-v9")
          .hasMessageContaining("openai/whisper-tiny");
      com.openai.client.OpenAIClient stranger =
          com.openai.client.okhttp.OpenAIOkHttpClient.builder()
              .apiKey("not-a-key-of-this-service")
              .baseUrl(services.ingestUrl() + "/v1")
              .maxRetries(0)
              .build();
      try {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stranger.models().list())
            .isInstanceOf(com.openai.errors.UnauthorizedException.class)
            .hasMessageContaining("invalid API key");
      } finally {
        stranger.close();
      }
    } finally {
      client.close();
    }
  }

  @Test
  void fileInRecordingResultWithPicturesOutCorruptFileInFailedResultOut() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    Path corrupt = Files.createDirectories(WORK).resolve("broken.wav");
    Files.write(
        corrupt, "RIFF\0\0\0\0WAVEthis is not audio at all".getBytes(StandardCharsets.US_ASCII));

    IngestClient ingest = services.ingestClient();
    try (ResultWatcher watcher =
        new ResultWatcher(
            TestBroker.bootstrapServers(), "earshot.results", Instant.now().minusSeconds(5))) {
      IngestClient.Upload good = ingest.upload(jfk);
      IngestClient.Upload bad = ingest.upload(corrupt);
      assertThat(good.accepted()).as(good.message()).isTrue();
      assertThat(bad.accepted()).isFalse();
      assertThat(bad.recordingId()).as("a refused file still has a recording id").isNotBlank();

      var results =
          watcher.await(
              Set.of(good.recordingId(), bad.recordingId()), Duration.ofMinutes(5), (id, r) -> {});
      assertThat(results).containsKeys(good.recordingId(), bad.recordingId());

      JsonNode result = json(results.get(good.recordingId()).result());
      assertThat(result.get("status").asText()).isEqualTo("COMPLETE");
      assertThat(result.get("file").asText()).isEqualTo("jfk.wav");
      // whisper-tiny hears JFK word for word on every processor measured; 2 of 22 words leave
      // room for one the pipeline's chunking or a new processor changes, not for a lost chunk.
      assertThat(ResultChanges.wordDiff(JFK, result.get("transcription").asText()).wer())
          .as("'%s' on %s", result.get("transcription").asText(), CpuFeatures.host())
          .hasValueSatisfying(wer -> assertThat(wer).isLessThanOrEqualTo(0.1));
      assertThat(result.get("language").asText()).isEqualTo("en");
      assertThat(result.get("predicted_label").asText()).isEqualTo("speech");
      assertThat(result.get("segments").size()).isPositive();
      assertThat(result.get("classifiers").has("digits")).isTrue();
      assertThat(result.get("models").get("transcript").get(0).get("id").asText())
          .contains("whisper");

      JsonNode failed = json(results.get(bad.recordingId()).result());
      assertThat(failed.get("status").asText()).isEqualTo("FAILED");
      assertThat(failed.get("file").asText()).isEqualTo("broken.wav");
      assertThat(failed.get("reason").asText()).isNotBlank();

      // The link ingest answered the upload with serves the recording's result.
      assertThat(get(good.results()).get("transcription").asText())
          .isEqualTo(result.get("transcription").asText());

      List<Path> files =
          new ResultFiles(WORK.resolve("out"), services.resultsUrl(), services.readKey())
              .write(results.get(good.recordingId()).result());
      assertThat(files).hasSize(4);
      for (Path png : files.subList(1, 4)) {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png.toString()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(PngChecks.distinctColours(image)).as(png + " is not blank").isGreaterThan(20);
      }
      Path spectrogramFile =
          files.stream().filter(f -> f.toString().endsWith(".spectrogram.png")).findFirst().get();
      assertThat(PngChecks.inkInCentre(ImageIO.read(spectrogramFile.toFile())))
          .as("the spectrogram draws the recording's audio")
          .isGreaterThan(0.5);

      // Either results-service instance answers for every recording, wherever its state lives.
      for (var instance : List.of("results-service", "results-service-2")) {
        String base = services.get(instance).baseUrl();
        JsonNode served = get(base + "/api/recordings/" + good.recordingId());
        assertThat(served.get("transcription").asText())
            .isEqualTo(result.get("transcription").asText());
        Set<String> listed = new HashSet<>();
        get(base + "/api/recordings?limit=100")
            .forEach(r -> listed.add(r.get("recording_id").asText()));
        assertThat(listed).contains(good.recordingId(), bad.recordingId());
        BufferedImage spectrogram =
            ImageIO.read(
                new java.io.ByteArrayInputStream(
                    bytes(base + "/api/recordings/" + good.recordingId() + "/spectrogram.png")));
        assertThat(PngChecks.inkInCentre(spectrogram)).as(instance).isGreaterThan(0.5);
      }
    }
  }

  /**
   * The dashboard of the second results-service instance, open before the upload: the real
   * recording reaches it through the live event stream, with its transcript, label and pictures.
   */
  @Test
  void recordingIngestedWhileTheDashboardIsOpenAppearsOnIt() throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "headless Chromium not found: install Debian's chromium and chromium-driver");
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      String base = services.get("results-service-2").baseUrl();
      browser.logIn(base, services.readKey());
      browser.waitForText(By.id("connection"), "live", Duration.ofSeconds(60));

      IngestClient.Upload upload = services.ingestClient().upload(jfk);
      assertThat(upload.accepted()).as(upload.message()).isTrue();

      String card = "[data-recording-id='" + upload.recordingId() + "']";
      assertThat(
              browser.waitForText(
                  By.cssSelector(card + " .status"), "COMPLETE", Duration.ofMinutes(5)))
          .contains("COMPLETE");
      assertThat(
              browser.waitForText(
                  By.cssSelector(card + " .transcript"), "country", Duration.ofSeconds(10)))
          .containsIgnoringCase("ask not what your country");
      assertThat(
              browser.waitForText(
                  By.cssSelector(card + " .label"), "speech", Duration.ofSeconds(10)))
          .contains("speech");
      browser.awaitImagesLoaded(card, 3, Duration.ofSeconds(30));
      Path shot = browser.screenshot(Path.of("target", "screenshots", "pipeline-dashboard.png"));
      assertThat(PngChecks.distinctColours(ImageIO.read(shot.toFile()))).isGreaterThan(20);
      assertThat(browser.consoleErrorsAfterLogIn(base)).isEmpty();
    }
  }

  /**
   * The Grafana dashboard and the Prometheus alert rules read only metrics these services expose
   * ({@code up} is Prometheus's own), after a recording went through.
   */
  @Test
  void theDashboardAndAlertRulesReadOnlyMetricsTheServicesExpose() throws Exception {
    IngestClient.Upload upload =
        services.ingestClient().upload(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV));
    assertThat(upload.accepted()).as(upload.message()).isTrue();
    List<String> queries = new ArrayList<>(DeploymentFiles.dashboardQueries());
    queries.addAll(DeploymentFiles.alertQueries());
    Set<String> read = new java.util.TreeSet<>();
    queries.forEach(q -> read.addAll(DeploymentFiles.metricNames(q)));
    read.remove("up");
    // Micrometer picks up Kafka's per-partition client metrics (the lag) once a minute after the
    // client creates them on its first fetch, so a fresh service may need that long.
    Set<String> names = exposedMetrics();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!names.containsAll(read) && System.nanoTime() < deadline) {
      Thread.sleep(2000);
      names = exposedMetrics();
    }
    assertThat(names).as("metrics the services expose").containsAll(read);
    System.out.println("Dashboard and alert metrics found in /q/metrics: " + read);
  }

  /**
   * Four uploads at once of a FLAC of five hours of silence (about 60 KB each; three do not declare
   * their length, one does) against ingest-service's 512 MB heap: each is refused as longer than
   * {@code ingest.max-duration} (4 h), the decoded chunks waiting on disk rather than in memory,
   * and ingest-service takes the next recording as if nothing happened.
   */
  @Test
  void fourFlacBombsAtOnceAreRefusedAsTooLongWithoutFillingIngestsHeap() throws Exception {
    long fiveHours = 16_000L * 3600 * 5;
    List<Path> bombs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] flac = FlacBomb.silence(16_000, fiveHours, i == 3);
      assertThat(flac.length).isLessThan(100_000);
      Path file = WORK.resolve("bomb-" + i + ".flac");
      Files.createDirectories(WORK);
      Files.write(file, flac);
      bombs.add(file);
    }
    IngestClient ingest = services.ingestClient();
    long start = System.nanoTime();
    List<java.util.concurrent.CompletableFuture<IngestClient.Upload>> uploads = new ArrayList<>();
    for (Path bomb : bombs) {
      uploads.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ingest.upload(bomb);
                } catch (Exception e) {
                  throw new java.util.concurrent.CompletionException(e);
                }
              }));
    }
    for (var upload : uploads) {
      IngestClient.Upload refused = upload.get(10, java.util.concurrent.TimeUnit.MINUTES);
      assertThat(refused.status()).as(refused.message()).isEqualTo(413);
      assertThat(refused.error()).isEqualTo("TOO_LONG");
      assertThat(refused.message()).contains("longer than the allowed 240 minutes");
    }
    System.out.printf(
        "Four 5-hour FLAC bombs refused in %.1f s%n", (System.nanoTime() - start) / 1e9);
    IngestClient.Upload after =
        ingest.upload(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV));
    assertThat(after.accepted()).as(after.message()).isTrue();
  }

  /** The metric names every service of the run exposes on {@code /q/metrics}. */
  private static Set<String> exposedMetrics() throws Exception {
    Set<String> names = new java.util.TreeSet<>();
    for (ServiceProcess process : services.processes()) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(process.baseUrl() + "/q/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(process.name()).isEqualTo(200);
      r.body()
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
    }
    return names;
  }

  /**
   * The documented replay, for real: stop the STT workers, reset their group to before a recording,
   * start them with another Whisper model; the new result names the new model, supersedes the old
   * one in queries, the old one stays on the topic, and {@code changes} shows the difference.
   */
  @Test
  void replayThroughANewModelSupersedesTheOldResultAndChangesShowsIt() throws Exception {
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    String bootstrap = TestBroker.bootstrapServers();
    try (ResultWatcher watcher =
        new ResultWatcher(bootstrap, "earshot.results", Instant.now().minusSeconds(5))) {
      Instant before = Instant.now();
      IngestClient.Upload upload = services.ingestClient().upload(jfk);
      String id = upload.recordingId();
      JsonNode first =
          json(watcher.await(Set.of(id), Duration.ofMinutes(5), (i, r) -> {}).get(id).result());
      String oldVersion = first.get("models").get("transcript").get(0).get("version").asText();

      services.stop("stt-service");
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        GroupReset.Plan plan =
            GroupReset.plan(
                admin,
                services.group("stt-service"),
                "earshot.audio-chunks",
                before,
                Optional.empty());
        assertThat(plan.untilEnd()).isPositive();
        GroupReset.apply(admin, plan);
      }
      services.startAgain("stt-service", Map.of("stt.model.name", "base"));

      JsonNode replayed = awaitNewVersion(watcher, id, oldVersion, Duration.ofMinutes(5));
      assertThat(replayed.get("models").get("transcript").get(0).get("id").asText())
          .contains("base");
      assertThat(ResultChanges.wordDiff(JFK, replayed.get("transcription").asText()).wer())
          .as("'%s' on %s", replayed.get("transcription").asText(), CpuFeatures.host())
          .hasValueSatisfying(wer -> assertThat(wer).isLessThanOrEqualTo(0.1));

      // The query API answers with the new result; the topic keeps both.
      JsonNode served = get(services.resultsUrl() + "/api/recordings/" + id);
      assertThat(served.get("models").get("transcript").get(0).get("version").asText())
          .isNotEqualTo(oldVersion);
      List<String> all = ResultTopic.read(bootstrap, "earshot.results", Duration.ofSeconds(30));
      assertThat(all.stream().filter(r -> r.contains(id))).hasSizeGreaterThanOrEqualTo(2);

      var out = new java.io.ByteArrayOutputStream();
      var saved = System.out;
      int code;
      try {
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        code =
            new picocli.CommandLine(new dev.earshot.pipeline.replay.ChangesCommand())
                .execute("--bootstrap-servers", bootstrap, "--json");
      } finally {
        System.setOut(saved);
      }
      assertThat(code).isZero();
      JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
      JsonNode change = null;
      for (JsonNode c : report.get("changes")) {
        if (c.get("recording_id").asText().equals(id)) {
          change = c;
        }
      }
      assertThat(change).as("changes lists the replayed recording: " + report).isNotNull();
      assertThat(change.toString()).contains(oldVersion);

      // The same model files again, decoded with beam search: not a redone chunk but a replay
      // with other settings, so it supersedes too.
      String baseRevision = revision(replayed);
      services.stop("stt-service");
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        GroupReset.apply(
            admin,
            GroupReset.plan(
                admin,
                services.group("stt-service"),
                "earshot.audio-chunks",
                before,
                Optional.empty()));
      }
      services.startAgain(
          "stt-service", Map.of("stt.model.name", "base", "stt.decoding.beam-size", "5"));
      JsonNode beam = awaitNewVersion(watcher, id, baseRevision, Duration.ofMinutes(5));
      JsonNode beamModel = beam.get("models").get("transcript").get(0);
      assertThat(beamModel.get("version").asText())
          .isEqualTo(replayed.get("models").get("transcript").get(0).get("version").asText());
      assertThat(beamModel.get("settings").asText())
          .isNotEqualTo(replayed.get("models").get("transcript").get(0).get("settings").asText());
      assertThat(revision(get(services.resultsUrl() + "/api/recordings/" + id)))
          .isEqualTo(revision(beam));
    }
  }

  /** The transcript model's files and decoding settings, which a replay changes. */
  private static String revision(JsonNode result) {
    JsonNode model = result.get("models").get("transcript").get(0);
    return model.get("version").asText() + "+" + model.path("settings").asText();
  }

  /**
   * {@code earshot run --mic}, the command users type, against these services: the microphone
   * (hearing JFK's 11 s) is streamed live, its live captions come back on the stream's connection
   * and are printed while it records, the recording id comes from the service's answer, and the
   * printed result is that recording's.
   */
  @Test
  void runWithTheMicrophonePrintsItsLiveCaptionsAndTheResultOfTheRecordingTheServiceNamed()
      throws Exception {
    services.awaitCaptions(Duration.ofMinutes(2));
    System.setProperty(SyntheticMicrophone.ENABLED, "true");
    System.setProperty(
        SyntheticMicrophone.SPEECH,
        AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV).toString());
    InProcess.Result run;
    try {
      run =
          InProcess.run(
              new EarshotCommand(),
              "run",
              "--mic",
              "11",
              "--ingest-url",
              services.ingestUrl(),
              "--api-key-file",
              keyFile("api-key", services.apiKey()).toString(),
              "--read-key-file",
              keyFile("read-key", services.readKey()).toString(),
              "--bootstrap-servers",
              TestBroker.bootstrapServers(),
              "--results-url",
              services.resultsUrl(),
              "--out",
              WORK.resolve("mic").toString(),
              "--compact",
              "--timeout",
              "PT5M");
    } finally {
      System.clearProperty(SyntheticMicrophone.ENABLED);
      System.clearProperty(SyntheticMicrophone.SPEECH);
    }

    assertThat(run.exitCode()).as(run.err()).isZero();
    // Not a terminal here: each caption that committed words is a line of its own.
    String captions =
        run.err()
            .lines()
            .filter(l -> l.startsWith("caption: "))
            .map(l -> l.substring("caption: ".length()))
            .collect(java.util.stream.Collectors.joining(" "))
            .toLowerCase(java.util.Locale.ROOT);
    // What JFK said; any Whisper model gets these words right in the whole recording, and the
    // captions commit everything once the stream ends.
    System.out.println("Live captions run --mic printed: " + captions);
    assertThat(captions).as(run.err()).contains("fellow americans").contains("your country");
    Matcher recording =
        Pattern.compile("earshot: recording (\\S+) from " + Pattern.quote(SyntheticMicrophone.NAME))
            .matcher(run.err());
    assertThat(recording.find()).as(run.err()).isTrue();
    JsonNode printed =
        JSON.readTree(run.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    assertThat(printed.get("recording_id").asText()).isEqualTo(recording.group(1));
    assertThat(printed.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(printed.get("duration").asDouble()).isCloseTo(11.0, within(0.01));
  }

  /**
   * @param old the transcript model's version, or its {@link #revision} (version and settings)
   */
  private static JsonNode awaitNewVersion(
      ResultWatcher watcher, String id, String old, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      ResultWatcher.Seen seen = watcher.latest().get(id);
      JsonNode result = seen == null ? null : json(seen.result());
      if (result != null
          && !result.get("models").get("transcript").get(0).get("version").asText().equals(old)
          && !revision(result).equals(old)) {
        return result;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no result with a new transcript model or settings for " + id);
  }

  /** The result as the JSON results-service publishes, so the checks read its field names. */
  static JsonNode json(RecordingResult result) {
    return Json.MAPPER.valueToTree(result);
  }

  /** A reader's GET of the query API: JSON, status 200. */
  static JsonNode get(String url) throws Exception {
    return JSON.readTree(new String(bytes(url), StandardCharsets.UTF_8));
  }

  /** A reader's GET, with the run's read key: the body, status 200. */
  static byte[] bytes(String url) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + services.readKey())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode())
        .as(url + " " + new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    return r.body();
  }

  /** A key in a file only its owner reads, as the tools take it. */
  static Path keyFile(String name, String key) throws Exception {
    Path file = WORK.resolve(name);
    Files.createDirectories(WORK);
    Files.writeString(file, key + "\n");
    return file;
  }
}
