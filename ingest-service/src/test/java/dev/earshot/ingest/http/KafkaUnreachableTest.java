package dev.earshot.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.earshot.ingest.TestAudio;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no Kafka to publish to, the service says so instead of taking audio in. */
@QuarkusTest
@TestProfile(KafkaUnreachableTest.NoKafka.class)
class KafkaUnreachableTest {

  /** Port 1 on loopback: nothing listens there, connections are refused at once. */
  public static class NoKafka implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
    }
  }

  @TestHTTPResource("/recordings/live")
  URI live;

  @Test
  void readinessIsDownNamingTheBroker() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .body("checks.find { it.name == 'kafka' }.data.error", containsString("127.0.0.1:1"));
  }

  @Test
  void uploadsAreRefusedWith503InsteadOfBeingAcceptedAndLost() {
    given()
        .header(ApiKeys.HEADER, "test-upload-key-0123")
        .contentType("audio/wav")
        .body(TestAudio.stereoWav(1, 16000))
        .post("/recordings")
        .then()
        .statusCode(503)
        .header("Retry-After", "5")
        .body("error", equalTo("KAFKA_UNAVAILABLE"))
        .body("message", containsString("Kafka is unreachable"));
  }

  @Test
  void liveStreamsAreRefusedWith503() {
    URI uri = URI.create(live.toString().replaceFirst("^http", "ws") + "?sampleRate=16000");

    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header(ApiKeys.HEADER, "test-upload-key-0123")
                    .buildAsync(uri, new WebSocket.Listener() {})
                    .join())
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(503));
  }
}
