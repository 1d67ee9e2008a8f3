package dev.earshot.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.audio.WavBytes;
import dev.earshot.cli.ExitCodes;
import dev.earshot.ingest.KafkaOutput;
import dev.earshot.ingest.TestAudio;
import dev.earshot.ingest.mic.SyntheticMicrophone;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.SourceKind;
import dev.earshot.testbroker.TestBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
@WithTestResource(TestBrokerResource.class)
class MicCommandTest {

  private final KafkaOutput kafka = new KafkaOutput();

  @AfterEach
  void unplugMicrophone() {
    System.clearProperty(SyntheticMicrophone.ENABLED);
  }

  @Test
  void recordingFromTheMicrophonePublishesTheCapturedAudio(QuarkusMainLauncher launcher) {
    System.setProperty(SyntheticMicrophone.ENABLED, "true");

    LaunchResult result = launcher.launch("mic", "--duration", "25s", "--chunks", "--name", "desk");

    assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    Matcher summary =
        Pattern.compile("recording (\\S+): 3 chunks, 25\\.00 s").matcher(result.getOutput());
    assertThat(summary.find()).as(result.getOutput()).isTrue();
    String id = summary.group(1);
    assertThat(result.getOutput()).contains(id + " chunk   0").contains(id + " chunk   2");
    List<AudioChunk> chunks = kafka.chunksOf(id);
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0).getSource().getKind()).isEqualTo(SourceKind.MICROPHONE);
    assertThat(chunks.get(0).getSource().getName()).isEqualTo("desk");
    assertThat(chunks.get(0).getSource().getDevice()).isEqualTo(SyntheticMicrophone.NAME);
    assertThat(chunks.get(0).getSource().getOriginalSampleRate()).isEqualTo(48000);
    assertThat(KafkaOutput.concatenatedPayload(chunks))
        .isEqualTo(TestAudio.expectedPayload(heard(25)));
  }

  @Test
  void devicesListsTheCaptureDevices(QuarkusMainLauncher launcher) {
    System.setProperty(SyntheticMicrophone.ENABLED, "true");

    LaunchResult result = launcher.launch("devices");

    assertThat(result.exitCode()).isZero();
    assertThat(result.getOutput()).contains("0: " + SyntheticMicrophone.NAME);
  }

  @Test
  void withoutACaptureDeviceBothCommandsSaySoAndFail(QuarkusMainLauncher launcher) {
    LaunchResult devices = launcher.launch("devices");
    LaunchResult mic = launcher.launch("mic", "--duration", "5s");

    assertThat(devices.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(devices.getErrorOutput()).contains("No audio capture device found");
    assertThat(mic.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(mic.getErrorOutput()).contains("No audio capture device found");
  }

  /** What the synthetic microphone delivers in the given time, as a WAV. */
  private static byte[] heard(int seconds) {
    float[] samples = new float[48000 * 2 * seconds];
    for (int f = 0; f < 48000 * seconds; f++) {
      for (int c = 0; c < 2; c++) {
        samples[2 * f + c] = SyntheticMicrophone.sample(f, c) / 32768f;
      }
    }
    return WavBytes.of(WavBytes.Format.S16, 2, 48000, samples).build();
  }
}
