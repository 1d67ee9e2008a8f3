package dev.earshot.stt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class TranscribeCommandTest {

  private static Path jfk() throws Exception {
    return AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
  }

  @Test
  void printsTheTextWithTimestamps(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result = launcher.launch("transcribe", jfk().toString());

    assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    assertThat(result.getOutput())
        .contains("jfk.wav")
        .containsPattern(
            "\\[00:00:00\\.\\d{3} --> 00:00:1\\d\\.\\d{3}] .*ask what you can do for your country");
  }

  @Test
  void printsOneJsonObjectPerFile(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result = launcher.launch("transcribe", "--json", "--beam", "1", jfk().toString());

    assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    JsonNode json =
        new ObjectMapper()
            .readTree(
                result
                    .getOutput()
                    .lines()
                    .filter(l -> l.startsWith("{"))
                    .findFirst()
                    .orElseThrow());
    assertThat(json.get("text").asText()).contains("ask not what your country can do for you");
    assertThat(json.get("language").asText()).isEqualTo("en");
    assertThat(json.get("durationSeconds").asDouble()).isCloseTo(11.0, within(1e-6));
    assertThat(json.get("segments").size()).isPositive();
    assertThat(json.get("model").get("id").asText()).isEqualTo("openai/whisper-tiny");
    assertThat(json.get("chunks").get(0).get("timings").get("encoderMs").asDouble()).isPositive();
  }

  @Test
  void anUnreadableFileIsReportedAndTheExitCodeSaysSo(QuarkusMainLauncher launcher)
      throws Exception {
    Path notAudio = java.nio.file.Files.createTempFile("not-audio", ".wav");
    java.nio.file.Files.writeString(notAudio, "hello");

    LaunchResult result = launcher.launch("transcribe", notAudio.toString(), jfk().toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput())
        .contains(notAudio.toString())
        .contains("not a recognised audio format");
    assertThat(result.getOutput()).contains("your country");
  }

  @Test
  void anUnknownModelIsNamed(QuarkusMainLauncher launcher) throws Exception {
    LaunchResult result =
        launcher.launch("transcribe", "--model", "whisper-huge", jfk().toString());

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.getErrorOutput()).contains("whisper-huge");
  }
}
