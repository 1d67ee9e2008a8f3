package dev.earshot.classify.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {

  private static final int RATE = 16_000;
  private final Augmenter augmenter = new Augmenter(RATE);
  private final float[] tone = Signals.sine(440, RATE, RATE, 0.5);

  @Test
  void noiseIsAddedAtTheRequestedSignalToNoiseRatio() {
    float[] noisy = augmenter.addNoise(tone, 10.0, new Random(1));
    float[] noise = new float[tone.length];
    for (int i = 0; i < tone.length; i++) {
      noise[i] = noisy[i] - tone[i];
    }

    double snr = 20 * Math.log10(Signals.rms(tone) / Signals.rms(noise));
    assertThat(snr).isCloseTo(10.0, within(0.3));
  }

  @Test
  void gainScalesByDecibels() {
    float[] louder = augmenter.gain(tone, 6.0206);

    assertThat(Signals.rms(louder) / Signals.rms(tone)).isCloseTo(2.0, within(1e-3));
  }

  @Test
  void shiftMovesTheAudioLaterAndFillsWithSilence() {
    float[] shifted = augmenter.shift(tone, 0.1);

    assertThat(shifted).hasSize(tone.length);
    for (int i = 0; i < 1600; i++) {
      assertThat(shifted[i]).isZero();
    }
    assertThat(shifted[1600 + 17]).isEqualTo(tone[17]);
  }

  @Test
  void stretchChangesTheDurationButNotThePitch() {
    float[] faster = augmenter.stretch(tone, 1.25);

    assertThat(faster.length).isEqualTo(Math.round(tone.length / 1.25f));
    double f = Signals.dominantFrequency(faster, 2000, faster.length - 2000, RATE, 300, 900);
    assertThat(f).isCloseTo(440.0, within(440.0 * 0.02));
  }

  @Test
  void pitchShiftAnOctaveUpDoublesTheFrequencyAndKeepsTheDuration() {
    float[] octave = augmenter.pitch(tone, 12.0);

    assertThat(octave).hasSize(tone.length);
    double f = Signals.dominantFrequency(octave, 3000, tone.length - 3000, RATE, 300, 1500);
    assertThat(f).isCloseTo(880.0, within(880.0 * 0.02));
  }

  @Test
  void telephoneBandPassesSpeechFrequenciesAndCutsLowHumAndHighHiss() {
    for (boolean muLaw : new boolean[] {false, true}) {
      assertThat(telephoneGainDb(1000, muLaw)).as("1 kHz").isBetween(-3.0, 1.0);
      assertThat(telephoneGainDb(100, muLaw)).as("100 Hz").isLessThan(-30.0);
      assertThat(telephoneGainDb(6000, muLaw)).as("6 kHz").isLessThan(-60.0);
    }
    assertThat(augmenter.telephone(tone, true)).hasSize(tone.length);
  }

  @Test
  void muLawKeepsTheSignAndAboutTwoPercentOfTheValue() {
    for (float v : new float[] {0.9f, 0.3f, 0.05f, -0.01f, -0.5f}) {
      assertThat(Augmenter.muLaw(v)).isCloseTo(v, within(Math.abs(v) * 0.04f + 1e-4f));
      assertThat(Math.signum(Augmenter.muLaw(v))).isEqualTo(Math.signum(v));
    }
  }

  private double telephoneGainDb(double hz, boolean muLaw) {
    float[] x = Signals.sine(hz, RATE, RATE, 0.5);
    float[] y = augmenter.telephone(x, muLaw);
    // The middle, away from the filters' start-up and the resamplers' edges.
    float[] mid = Arrays.copyOfRange(y, 4000, 12000);
    float[] ref = Arrays.copyOfRange(x, 4000, 12000);
    return 20 * Math.log10(Signals.rms(mid) / Signals.rms(ref));
  }

  @Test
  void specAugmentMasksABandAndAStretchOfTime() {
    int bands = 8;
    int frames = 20;
    float[] s = new float[bands * frames];
    for (int i = 0; i < s.length; i++) {
      s[i] = i;
    }
    float[] masked = SpecAugment.mask(s, bands, frames, 3, 5, new Random(4));

    int changed = 0;
    for (int i = 0; i < s.length; i++) {
      if (masked[i] != s[i]) {
        changed++;
      }
    }
    assertThat(changed).isPositive().isLessThan(s.length / 2);
  }
}
