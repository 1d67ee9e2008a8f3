package dev.earshot.audio.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import dev.earshot.audio.decode.AudioFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioLoaderTest {

  @Test
  void loadsAStereoFlacAsA16KilohertzMonoSine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sine.flac");
    try (InputStream in =
        getClass().getResourceAsStream("/dev/earshot/audio/decode/sine440-44k-stereo.flac")) {
      Files.copy(in, file);
    }

    float[] mono = AudioLoader.loadMono(file, 16000);

    assertThat(mono).hasSize(16000);
    assertThat(Signals.dominantFrequency(mono, 1600, 14400, 16000, 100, 2000))
        .isCloseTo(440.0, within(1.0));
    assertThat(Signals.rms(mono, 1600, 14400)).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
  }

  @Test
  void reportsUndecodableFilesAsAudioFormatExceptions(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("notes.wav");
    Files.writeString(file, "not audio, despite the name");

    assertThatThrownBy(() -> AudioLoader.loadMono(file, 16000))
        .isInstanceOf(AudioFormatException.class)
        .hasMessageContaining("not a recognised audio format");
  }
}
