package dev.earshot.classify.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.DebianArch;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.PcmStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real espeak-ng and SoX, fetched from Debian into the asset cache for this machine's
 * architecture (under 10 MB the first time, then a few hundred milliseconds).
 */
class SynthesiserTest {

  private static Synthesiser synthesiser;

  @TempDir Path dir;

  @BeforeAll
  static void fetchTheTools() throws IOException {
    synthesiser = Synthesiser.fetch(AssetCache.atDefaultLocation());
  }

  @Test
  void speaksADigitAsANonSilentSixteenKilohertzClipOfAPlausibleLength() throws IOException {
    float[] seven = synthesiser.speak(new Voice("en-gb-scotland", "f2", 160, 60, 100, 0), "seven");
    Path wav = dir.resolve("seven.wav");
    Wav.write(wav, seven, Synthesiser.SAMPLE_RATE);

    try (PcmStream in = AudioDecoder.open(wav)) {
      assertThat(in.info().sampleRate()).isEqualTo(16_000);
      assertThat(in.info().channels()).isEqualTo(1);
    }
    double seconds = seven.length / 16_000.0;
    assertThat(seconds).isBetween(0.3, 1.5);
    assertThat(Clips.rms(Clips.active(seven, 40))).isGreaterThan(0.01);
  }

  @Test
  void soxSynthesisesAChordAndTransformsSpeech() throws IOException {
    float[] chord =
        synthesiser.generate(
            3, List.of("synth", "0.5", "pluck", "C4", "pluck", "E4", "pluck", "G4", "vol", "0.5"));
    float[] hello = synthesiser.speak(Voice.of("en-us", "m3"), "hello");
    float[] slower = synthesiser.process(hello, List.of("tempo", "-s", "0.8", "pitch", "-200"));

    assertThat(chord).hasSize(8_000);
    assertThat(Clips.rms(chord)).isGreaterThan(0.01);
    assertThat(slower.length).isBetween((int) (hello.length * 1.15), (int) (hello.length * 1.35));
  }

  @Test
  void saysWhatFailedWhenAToolRejectsItsArguments() {
    assertThatThrownBy(() -> synthesiser.generate(1, List.of("synth", "1", "no-such-wave")))
        .isInstanceOf(SynthesisException.class)
        .hasMessageContaining("sox failed with exit code")
        .hasMessageContaining("no-such-wave");
    assertThatThrownBy(() -> synthesiser.speak(Voice.of("xx", ""), "seven"))
        .isInstanceOf(SynthesisException.class)
        .hasMessageContaining("espeak-ng");
    assertThatThrownBy(
            () ->
                new Synthesiser(
                    Files.createDirectories(dir.resolve("empty")), DebianArch.current()))
        .hasMessageContaining("no executable")
        .hasMessageContaining("fetch synth-tools-" + DebianArch.current().debianName());
  }

  @Test
  void checksVoiceSettings() {
    assertThat(new Voice("en-gb-x-rp", "klatt", 200, 30, 120, 5).args())
        .containsExactly("-v", "en-gb-x-rp+klatt", "-s", "200", "-p", "30", "-a", "120", "-g", "5");
    assertThatThrownBy(() -> new Voice("en; rm -rf", "", 175, 50, 100, 0))
        .hasMessageContaining("voice name");
    assertThatThrownBy(() -> new Voice("en", "m3", 175, 150, 100, 0)).hasMessageContaining("pitch");
  }
}
