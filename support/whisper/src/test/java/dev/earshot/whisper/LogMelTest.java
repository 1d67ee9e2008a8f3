package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogMelTest {

  private static final LogMel WHISPER_80 = LogMel.whisper(80);
  private static final double TOLERANCE = 1e-4;

  static Stream<Arguments> goldenCases() throws IOException {
    float[] jfk =
        AudioLoader.loadMono(AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV), 16000);
    return Stream.of(
        Arguments.of("sine_440hz_5s", 80, LogMelGolden.sine(5)),
        Arguments.of("lcg_noise_35s", 80, LogMelGolden.lcgNoise(35)),
        Arguments.of("silence_10s", 80, new float[10 * 16000]),
        Arguments.of("jfk", 80, jfk),
        Arguments.of("sine_440hz_5s_128mel", 128, LogMelGolden.sine(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void matchesTheNumpyReferenceOnEveryStoredValue(String name, int mels, float[] audio) {
    LogMelGolden.Features golden = LogMelGolden.features(name);
    LogMel logMel = LogMel.whisper(mels);

    float[] features = logMel.compute(audio);

    assertThat(golden.audioSamples()).isEqualTo(audio.length);
    assertThat(golden.mels()).isEqualTo(logMel.mels());
    assertThat(golden.totalFrames()).isEqualTo(logMel.frames());
    for (int i = 0; i < golden.frames().length; i++) {
      int frame = golden.frames()[i];
      for (int m = 0; m < mels; m++) {
        assertThat(features[m * logMel.frames() + frame])
            .as("%s mel %d frame %d", name, m, frame)
            .isCloseTo(golden.values()[i][m], within((float) TOLERANCE));
      }
    }
  }

  @Test
  void whisperSettingsGiveThe80By3000EncoderInput() {
    float[] features = WHISPER_80.compute(LogMelGolden.sine(5));

    assertThat(WHISPER_80.mels()).isEqualTo(80);
    assertThat(WHISPER_80.frames()).isEqualTo(3000);
    assertThat(WHISPER_80.samples()).isEqualTo(480_000);
    assertThat(features).hasSize(80 * 3000);
  }

  @Test
  void largeV3SettingsGive128Mels() {
    LogMel logMel = LogMel.whisper(128);

    assertThat(logMel.compute(new float[16000])).hasSize(128 * 3000);
  }

  @Test
  void silenceIsTheFloorConstantEverywhere() {
    float[] features = WHISPER_80.compute(new float[10 * 16000]);

    // log10(1e-10) = -10 is also the maximum, so nothing is clamped: (-10 + 4) / 4.
    assertThat(features).containsOnly(-1.5f);
  }

  @Test
  void emptyInputIsSilence() {
    assertThat(WHISPER_80.compute(new float[0])).containsOnly(-1.5f);
  }

  @Test
  void inputLongerThan30SecondsIsTrimmedToItsFirst30Seconds() {
    float[] noise = LogMelGolden.lcgNoise(35);

    assertThat(WHISPER_80.compute(noise))
        .isEqualTo(WHISPER_80.compute(Arrays.copyOf(noise, 480_000)));
  }

  @Test
  void quietPartsAreClampedEightDecadesBelowTheLoudest() {
    float[] features = WHISPER_80.compute(LogMelGolden.sine(5));
    float max = Float.NEGATIVE_INFINITY;
    float min = Float.POSITIVE_INFINITY;
    for (float value : features) {
      max = Math.max(max, value);
      min = Math.min(min, value);
    }

    // The padded 25 s are silent, so the floor is reached: max - 8 in log10 units, scaled by 1/4.
    assertThat(min).isCloseTo(max - 2.0f, within(1e-6f));
  }

  @Test
  void writesIntoABatchBufferAtTheGivenOffset() {
    float[] first = LogMelGolden.sine(5);
    float[] second = LogMelGolden.lcgNoise(3);
    int size = WHISPER_80.mels() * WHISPER_80.frames();
    float[] batch = new float[2 * size + 1];
    batch[0] = 42f;

    WHISPER_80.compute(first, batch, 1);
    WHISPER_80.compute(second, batch, 1 + size);

    assertThat(batch[0]).isEqualTo(42f);
    assertThat(Arrays.copyOfRange(batch, 1, 1 + size)).isEqualTo(WHISPER_80.compute(first));
    assertThat(Arrays.copyOfRange(batch, 1 + size, 1 + 2 * size))
        .isEqualTo(WHISPER_80.compute(second));
  }

  @Test
  void rejectsABufferTooSmallForOneChunk() {
    float[] out = new float[80 * 3000];

    assertThatThrownBy(() -> WHISPER_80.compute(new float[100], out, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void rejectsAnOddFftSize() {
    assertThatThrownBy(() -> new LogMel(80, 401, 160, 16000, 480_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nFft");
  }

  @Test
  void concurrentCallsGiveTheSameFeaturesAsSequentialOnes() throws Exception {
    List<float[]> inputs = List.of(LogMelGolden.sine(5), LogMelGolden.lcgNoise(7));
    List<float[]> expected = inputs.stream().map(WHISPER_80::compute).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        float[] input = inputs.get(i % 2);
        results.add(pool.submit(() -> WHISPER_80.compute(input)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i % 2));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
