package dev.earshot.audio.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

  private static final int OUT = 16000;

  @ParameterizedTest
  @ValueSource(ints = {8000, 11025, 12345, 22050, 44056, 44100, 48000, 96000})
  void keepsTheFrequencyAndAmplitudeOfPassbandTones(int inRate) {
    for (double frequency : new double[] {100, 1000, 3000, 5000, 7000, 7200}) {
      if (frequency >= 0.45 * inRate) {
        continue;
      }
      float[] tone = Signals.sine(frequency, inRate, inRate / 2, 0.5);

      float[] out = Resampler.resample(tone, inRate, OUT);

      int from = OUT / 10;
      int to = out.length - OUT / 10;
      assertThat(Signals.db(Signals.rms(out, from, to) / (0.5 / Math.sqrt(2))))
          .as("%s Hz at %d Hz", frequency, inRate)
          .isCloseTo(0.0, within(0.1));
      assertThat(Signals.dominantFrequency(out, from, to, OUT, frequency - 50, frequency + 50))
          .as("%s Hz at %d Hz", frequency, inRate)
          .isCloseTo(frequency, within(1.0));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "44100, 8050", "44100, 8500", "44100, 10000", "44100, 12000", "44100, 20000",
    "48000, 8050", "48000, 8500", "48000, 10000", "48000, 12000", "48000, 20000",
    "96000, 8050", "96000, 8500", "96000, 10000", "96000, 12000", "96000, 20000",
    "96000, 40000", "22050, 9000"
  })
  void suppressesTonesAboveTheOutputNyquistFrequencyByMoreThan80Db(int inRate, double frequency) {
    float[] tone = Signals.sine(frequency, inRate, inRate, 0.9);

    float[] out = Resampler.resample(tone, inRate, OUT);

    // Away from the ends, where the tone starts and stops abruptly.
    double outRms = Signals.rms(out, OUT / 10, out.length - OUT / 10);
    double inRms = Signals.rms(tone);
    assertThat(Signals.db(outRms / inRms)).isLessThan(-80.0);
  }

  @Test
  void upsamplingLeavesNoImageOfTheInputSpectrum() {
    float[] tone = Signals.sine(3000, 8000, 8000, 0.8);

    float[] out = Resampler.resample(tone, 8000, OUT);

    int from = OUT / 10;
    int to = out.length - OUT / 10;
    double wanted = Signals.amplitudeAt(out, from, to, 3000, OUT);
    double image = Signals.amplitudeAt(out, from, to, 5000, OUT);
    assertThat(wanted).isCloseTo(0.8, within(0.01));
    assertThat(Signals.db(image / wanted)).isLessThan(-80.0);
  }

  @ParameterizedTest
  @CsvSource({"48000, 16000", "44100, 16000", "8000, 16000", "12347, 16000", "16000, 48000"})
  void hasUnitGainAtDc(int inRate, int outRate) {
    float[] constant = new float[inRate / 4];
    Arrays.fill(constant, 0.5f);

    float[] out = Resampler.resample(constant, inRate, outRate);

    for (int i = outRate / 20; i < out.length - outRate / 20; i++) {
      assertThat(out[i]).isCloseTo(0.5f, within(1e-5f));
    }
  }

  @Test
  void alignsOutputSampleKWithInputTimeKTimesInRateOverOutRate() {
    float[] impulse = new float[4800];
    impulse[3000] = 1f;

    float[] out = Resampler.resample(impulse, 48000, OUT);

    int peak = 0;
    for (int i = 1; i < out.length; i++) {
      if (Math.abs(out[i]) > Math.abs(out[peak])) {
        peak = i;
      }
    }
    assertThat(peak).isEqualTo(1000);
  }

  @Test
  void keepsTheSinePhaseAtFractionalRatios() {
    float[] tone = Signals.sine(1000, 44100, 44100, 0.5, 0.3);

    float[] out = Resampler.resample(tone, 44100, OUT);
    float[] expected = Signals.sine(1000, OUT, out.length, 0.5, 0.3);

    for (int i = OUT / 10; i < out.length - OUT / 10; i++) {
      assertThat(out[i]).isCloseTo(expected[i], within(2e-4f));
    }
  }

  @Test
  void producesCeilOfLengthTimesOutRateOverInRateSamples() {
    int[][] pairs = {{48000, 16000}, {44100, 16000}, {8000, 16000}, {12345, 16000}, {96000, 8000}};
    for (int[] pair : pairs) {
      for (int n : new int[] {0, 1, 2, 3, 7, 100, 441, 1001, 44099, 44100, 44101}) {
        long expected =
            BigInteger.valueOf(n)
                .multiply(BigInteger.valueOf(pair[1]))
                .add(BigInteger.valueOf(pair[0] - 1))
                .divide(BigInteger.valueOf(pair[0]))
                .longValueExact();

        assertThat(Resampler.outputLength(n, pair[0], pair[1])).isEqualTo(expected);
        assertThat(Resampler.resample(new float[n], pair[0], pair[1])).hasSize((int) expected);
      }
    }
  }

  @Test
  void computesTheOutputLengthOfDaysOfAudioWithoutOverflow() {
    long week = 768_000L * 3600 * 24 * 7;

    assertThat(Resampler.outputLength(week, 768_000, 16000)).isEqualTo(16000L * 3600 * 24 * 7);
    assertThat(Resampler.outputLength(week, 767_999, 768_000))
        .isEqualTo(
            BigInteger.valueOf(week)
                .multiply(BigInteger.valueOf(768_000))
                .add(BigInteger.valueOf(767_998))
                .divide(BigInteger.valueOf(767_999))
                .longValueExact());
  }

  @ParameterizedTest
  @CsvSource({
    "48000, 16000",
    "44100, 16000",
    "8000, 16000",
    "44056, 16000",
    "12347, 16000",
    "16000, 44100"
  })
  void givesBitIdenticalOutputWhateverTheBlockSizes(int inRate, int outRate) {
    float[] signal = Signals.noise(inRate, inRate / 2, 0.5);
    float[] oneShot = Resampler.resample(signal, inRate, outRate);

    Random random = new Random(outRate ^ inRate);
    Resampler resampler = new Resampler(inRate, outRate);
    float[] streamed = new float[oneShot.length];
    int[] filled = {0};
    FloatSink collect =
        (samples, offset, length) -> {
          System.arraycopy(samples, offset, streamed, filled[0], length);
          filled[0] += length;
        };
    int produced = 0;
    for (int at = 0; at < signal.length; ) {
      int block =
          Math.min(
              signal.length - at,
              random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(3000));
      produced += resampler.process(signal, at, block, collect);
      at += block;
    }
    produced += resampler.finish(collect);

    assertThat(produced).isEqualTo(oneShot.length);
    assertThat(filled[0]).isEqualTo(oneShot.length);
    assertThat(streamed).isEqualTo(oneShot);
  }

  @Test
  void passesSamplesThroughUnchangedAtEqualRates() {
    float[] signal = Signals.noise(7, 10_000, 1.0);

    assertThat(Resampler.resample(signal, 22050, 22050)).isEqualTo(signal);
  }

  @Test
  void interpolatesCoefficientsWhenAnExactTableWouldBeTooLarge() {
    // 12347 and 16000 share no factor, so there would be 16000 phases.
    assertThat(SincKernel.forRatio(16000, 12347).exact).isFalse();
    assertThat(SincKernel.forRatio(160, 441).exact).isTrue();

    float[] tone = Signals.sine(4000, 12347, 12347, 0.5);
    float[] out = Resampler.resample(tone, 12347, OUT);
    float[] expected = Signals.sine(4000, OUT, out.length, 0.5);
    for (int i = OUT / 10; i < out.length - OUT / 10; i++) {
      assertThat(out[i]).isCloseTo(expected[i], within(2e-4f));
    }
  }

  @Test
  void rejectsRatesOutsideTheSupportedRange() {
    assertThatThrownBy(() -> new Resampler(999, 16000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input sample rate 999 Hz is outside the supported range 1000..768000 Hz");
    assertThatThrownBy(() -> new Resampler(16000, 1_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output sample rate 1000000 Hz");
  }

  @Test
  void refusesInputAfterFinishing() {
    Resampler resampler = new Resampler(48000, 16000);
    resampler.finish((s, o, l) -> {});

    assertThatThrownBy(() -> resampler.process(new float[1], 0, 1, (s, o, l) -> {}))
        .isInstanceOf(IllegalStateException.class);
  }
}
