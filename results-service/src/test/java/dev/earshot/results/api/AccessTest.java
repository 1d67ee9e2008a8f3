package dev.earshot.results.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.results.Readers;
import dev.earshot.results.TestParts;
import dev.earshot.testbroker.TestBrokerResource;
import dev.earshot.testbroker.TestChunks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every read endpoint without a credential and with each kind of one, against the running service:
 * the table this prints (and writes to target/access.md) is the evidence that nothing is readable
 * without a key.
 */
@QuarkusTest
@WithTestResource(TestBrokerResource.class)
class AccessTest {

  private static final String NONE = "none";
  private static final String READ = "read key";
  private static final String INSTANCE = "instance key";
  private static final String WRONG = "wrong key";
  private static final String IN_URL = "read key in URL";
  private static final String SESSION = "dashboard session";

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void nothingIsReadWithoutAKeyAndEachKeyReadsOnlyWhatItIsFor() throws Exception {
    DashboardTest.awaitReady();
    String id = publishedRecording();
    String session = logIn();

    Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
    for (String path :
        List.of(
            "/api/recordings",
            "/api/recordings/" + id,
            "/api/recordings/" + id + "/spectrogram.png",
            "/api/recordings/" + id + "/probabilities.png",
            "/api/recordings/" + id + "/timeline.png",
            "/api/recordings/" + id + ".srt",
            "/api/recordings/" + id + ".vtt",
            "/api/events")) {
      expected.put(path, expect(401, 200, 403, 401, 401, 200));
    }
    for (String path :
        List.of(
            "/internal/recordings",
            "/internal/recordings/" + id,
            "/internal/recordings/" + id + "/timeline.png")) {
      expected.put(path, expect(401, 403, 200, 401, 401, 403));
    }
    // The dashboard answers its login page with 401 to anyone who is not a reader.
    expected.put("/", expect(401, 200, 401, 401, 401, 200));
    expected.put("/index.html", expect(401, 200, 401, 401, 401, 200));

    List<String> table = new ArrayList<>();
    table.add(
        "| endpoint | " + String.join(" | ", expected.values().iterator().next().keySet()) + " |");
    table.add("|---|---|---|---|---|---|---|");
    List<String> wrong = new ArrayList<>();
    for (var entry : expected.entrySet()) {
      StringBuilder row = new StringBuilder("| `GET " + entry.getKey().replace(id, "{id}") + "` |");
      for (var want : entry.getValue().entrySet()) {
        int got = status(entry.getKey(), want.getKey(), session);
        row.append(' ').append(got).append(" |");
        if (got != want.getValue()) {
          wrong.add(
              entry.getKey()
                  + " with "
                  + want.getKey()
                  + ": "
                  + got
                  + ", expected "
                  + want.getValue());
        }
      }
      table.add(row.toString());
    }
    String markdown = String.join("\n", table);
    System.out.println(markdown);
    Files.writeString(Path.of("target", "access.md"), markdown + "\n");
    assertThat(wrong).isEmpty();

    // Logging out ends the session in the browser.
    HttpResponse<String> out =
        http.send(
            request("/logout")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
  }

  @Test
  void theLoginPageRefusesAnythingButAReadKey() throws Exception {
    for (String key : List.of("", Readers.INSTANCE_KEY, "not-a-key-0123456789")) {
      HttpResponse<String> r = postLogin(key);
      assertThat(r.statusCode()).as(key).isEqualTo(401);
      assertThat(r.body())
          .contains("That is not a read key.")
          .doesNotContain(key.isEmpty() ? "\u0000" : key);
      assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }
  }

  private static Map<String, Integer> expect(
      int none, int read, int instance, int wrong, int inUrl, int session) {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put(NONE, none);
    m.put(READ, read);
    m.put(INSTANCE, instance);
    m.put(WRONG, wrong);
    m.put(IN_URL, inUrl);
    m.put(SESSION, session);
    return m;
  }

  private int status(String path, String credential, String session) throws Exception {
    String target = credential.equals(IN_URL) ? path + "?apiKey=" + Readers.READ_KEY : path;
    HttpRequest.Builder request = request(target).GET();
    switch (credential) {
      case READ -> request.header("Authorization", "Bearer " + Readers.READ_KEY);
      case INSTANCE -> request.header("X-API-Key", Readers.INSTANCE_KEY);
      case WRONG -> request.header("Authorization", "Bearer wrong-key-0123456789");
      case SESSION -> request.header("Cookie", session);
      default -> {}
    }
    // The event stream never ends: its status is all there is to see.
    HttpResponse<InputStream> r =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = r.body()) {
      return r.statusCode();
    } catch (IOException e) {
      return r.statusCode();
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
        .timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> postLogin(String key) throws Exception {
    return http.send(
        request("/login")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("key=" + key))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in as a browser would and returns the Cookie header the session needs. */
  private String logIn() throws Exception {
    HttpResponse<String> r = postLogin(Readers.READ_KEY);
    assertThat(r.statusCode()).isEqualTo(303);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertThat(cookie).doesNotContain(Readers.READ_KEY);
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private String publishedRecording() throws Exception {
    String id = "access-" + UUID.randomUUID();
    TestChunks.publish(
        "earshot.recording-events", id, TestParts.avro(TestParts.started(id, "door.wav")));
    TestChunks.publish(
        id,
        TestChunks.avro(TestChunks.chunk(id, 0, 0, ResultsServiceTest.tone(220, 3), true, 16000)));
    TestChunks.publish(
        "earshot.transcripts",
        id,
        TestParts.avro(TestParts.transcript(id, 0, 0, 3, "knock", "w1")));
    TestChunks.publish(
        "earshot.classifications",
        id,
        TestParts.avro(
            TestParts.classification(id, 0, 0, 3, "sound-type", ResultsServiceTest.SPEECH, "s1")));
    TestChunks.publish(
        "earshot.classifications",
        id,
        TestParts.avro(
            TestParts.classification(id, 0, 0, 3, "digits", ResultsServiceTest.UNKNOWN, "d1")));
    TestChunks.publish(
        "earshot.recording-events", id, TestParts.avro(TestParts.finished(id, "door.wav", 1, 3)));
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (Readers.reader().get("/api/recordings/" + id).statusCode() == 200) {
        return id;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("recording " + id + " was never served");
  }
}
