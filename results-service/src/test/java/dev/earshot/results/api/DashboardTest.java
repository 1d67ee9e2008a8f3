package dev.earshot.results.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.earshot.results.HeadlessChromium;
import dev.earshot.results.Readers;
import dev.earshot.results.TestParts;
import dev.earshot.testbroker.TestBrokerResource;
import dev.earshot.testbroker.TestChunks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The live dashboard in headless Chromium, fed by records published during the test. */
@QuarkusTest
@WithTestResource(TestBrokerResource.class)
class DashboardTest {

  static final Map<String, Double> SPEECH = Map.of("speech", 0.88, "music", 0.08, "other", 0.04);
  static final Map<String, Double> UNKNOWN = Map.of("unknown", 0.8, "one", 0.15, "silence", 0.05);

  @Test
  void recordingsIngestedWhileThePageIsOpenAppearLive() throws Exception {
    assumeTrue(
        HeadlessChromium.available(),
        "headless Chromium not found: install Debian's chromium and chromium-driver");
    String id = "dash-" + UUID.randomUUID();
    String failed = "dash-failed-" + UUID.randomUUID();
    awaitReady();
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      String base = "http://localhost:" + io.restassured.RestAssured.port;
      browser.logIn(base, Readers.READ_KEY);
      browser.waitForText(By.id("connection"), "live", Duration.ofSeconds(30));

      // Published after the page connected: only the live event stream can bring it.
      TestChunks.publish(
          "earshot.recording-events", id, TestParts.avro(TestParts.started(id, "meeting.wav")));
      float[] audio = ResultsServiceTest.tone(330, 6);
      TestChunks.publish(id, TestChunks.avro(TestChunks.chunk(id, 0, 0, audio, true, 16000)));
      TestChunks.publish(
          "earshot.transcripts",
          id,
          TestParts.avro(
              TestParts.transcript(
                  id, 0, 0, 6, "Ask not what your country can do for you.", "w1")));
      TestChunks.publish(
          "earshot.classifications",
          id,
          TestParts.avro(TestParts.classification(id, 0, 0, 6, "sound-type", SPEECH, "s1")));
      TestChunks.publish(
          "earshot.classifications",
          id,
          TestParts.avro(TestParts.classification(id, 0, 0, 6, "digits", UNKNOWN, "d1")));
      TestChunks.publish(
          "earshot.recording-events",
          id,
          TestParts.avro(TestParts.finished(id, "meeting.wav", 1, 6)));
      TestChunks.publish(
          "earshot.recording-events",
          failed,
          TestParts.avro(TestParts.failed(failed, "broken.wav", 0, "CORRUPT", "not a WAV file")));

      String card = "[data-recording-id='" + id + "']";
      assertThat(
              browser.waitForText(
                  By.cssSelector(card + " .transcript"),
                  "Ask not what your country",
                  Duration.ofSeconds(90)))
          .contains("can do for you");
      assertThat(
              browser.waitForText(
                  By.cssSelector(card + " .label"), "speech", Duration.ofSeconds(10)))
          .contains("speech");
      assertThat(
              browser.waitForText(
                  By.cssSelector(card + " .status"), "COMPLETE", Duration.ofSeconds(10)))
          .contains("COMPLETE");
      assertThat(
              browser.waitForText(
                  By.cssSelector("[data-recording-id='" + failed + "'] .status"),
                  "not a WAV file",
                  Duration.ofSeconds(30)))
          .contains("FAILED");
      // The pictures load from the query API.
      browser.awaitImagesLoaded(card, 3, Duration.ofSeconds(30));

      // The browser's own WebVTT parser reads the subtitles through a <track>, with the session.
      var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
      browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      Object cues =
          js.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "const video = document.createElement('video');"
                  + "const track = document.createElement('track');"
                  + "track.kind = 'subtitles'; track.default = true;"
                  + "track.src = '/api/recordings/"
                  + id
                  + ".vtt';"
                  + "track.addEventListener('load', () => done(Array.from(track.track.cues)"
                  + "  .map(c => [c.startTime, c.endTime, c.text])));"
                  + "track.addEventListener('error', () => done('the track did not load'));"
                  + "video.appendChild(track); document.body.appendChild(video);"
                  + "track.track.mode = 'hidden';");
      assertThat(cues)
          .isEqualTo(List.of(List.of(0L, 6L, "Ask not what your country can do for you.")));

      Path shot = browser.screenshot(Path.of("target", "screenshots", "dashboard.png"));
      assertThat(ImageIO.read(Files.newInputStream(shot)).getWidth())
          .isEqualTo(HeadlessChromium.WIDTH);
      assertThat(browser.consoleErrorsAfterLogIn(base)).isEmpty();
    }
  }

  /**
   * A live stream's captions, on the page while the stream is open: committed text grows, and the
   * partial text after it is replaced by each caption and greyed.
   */
  @Test
  void aLiveStreamsCaptionShowsCommittedTextAndTheGreyedPartial() throws Exception {
    assumeTrue(
        HeadlessChromium.available(),
        "headless Chromium not found: install Debian's chromium and chromium-driver");
    String id = "caption-" + UUID.randomUUID();
    awaitReady();
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      String base = "http://localhost:" + io.restassured.RestAssured.port;
      browser.logIn(base, Readers.READ_KEY);
      browser.waitForText(By.id("connection"), "live", Duration.ofSeconds(30));
      String card = "[data-recording-id='" + id + "']";
      // The feed follows the topic from its end once it runs: the first caption goes again until
      // the page shows it.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (browser.driver().findElements(By.cssSelector(card + " .caption")).isEmpty()
          && System.nanoTime() < deadline) {
        caption(id, 0, "", "And so my fellow", 0);
        Thread.sleep(500);
      }
      caption(id, 1, "And so my fellow Americans,", "ask not what", 5);
      caption(id, 2, "ask not", "what your country can do", 7);

      assertThat(
              browser.waitForText(
                  By.cssSelector(card + " .caption-partial"),
                  "what your country can do",
                  Duration.ofSeconds(30)))
          .doesNotContain("ask not what");
      assertThat(
              browser.driver().findElement(By.cssSelector(card + " .caption-committed")).getText())
          .isEqualTo("And so my fellow Americans, ask not");
      String committedColour =
          browser
              .driver()
              .findElement(By.cssSelector(card + " .caption-committed"))
              .getCssValue("color");
      String partialColour =
          browser
              .driver()
              .findElement(By.cssSelector(card + " .caption-partial"))
              .getCssValue("color");
      assertThat(partialColour).isNotEqualTo(committedColour);
      browser.screenshot(Path.of("target", "screenshots", "dashboard-caption.png"));
      assertThat(browser.consoleErrorsAfterLogIn(base)).isEmpty();
    }
  }

  private static void caption(String id, int sequence, String committed, String partial, int words)
      throws Exception {
    TestChunks.publish(
        "earshot.captions",
        id,
        dev.earshot.schema.result.Json.write(
                new dev.earshot.schema.result.Caption(
                    id,
                    sequence,
                    committed,
                    partial,
                    words,
                    sequence + 1.0,
                    false,
                    "openai/whisper-tiny",
                    java.time.Instant.now().toString()))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Until Kafka Streams runs, the stores answer 503; a user would see the page retry. */
  static void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (Readers.reader().get("/api/recordings?limit=1").statusCode() == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the query API did not become ready");
  }
}
