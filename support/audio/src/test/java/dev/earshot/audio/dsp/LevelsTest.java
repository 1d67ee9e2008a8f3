package dev.earshot.audio.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import org.junit.jupiter.api.Test;

class LevelsTest {

  @Test
  void measuresThePeakAndRmsOfASine() {
    LevelMeter meter = LevelMeter.of(Signals.sine(1000, 48000, 48000, 0.5));

    assertThat(meter.peak()).isCloseTo(0.5, within(1e-6));
    assertThat(meter.rms()).isCloseTo(0.5 / Math.sqrt(2), within(1e-6));
    assertThat(meter.peakDbfs()).isCloseTo(-6.02, within(0.01));
    assertThat(meter.rmsDbfs()).isCloseTo(-9.03, within(0.01));
    assertThat(meter.count()).isEqualTo(48000);
  }

  @Test
  void measuresTheSameInBlocksAsInOneGo() {
    float[] noise = Signals.noise(3, 10_000, 0.8);
    LevelMeter blocks = new LevelMeter();
    for (int at = 0; at < noise.length; at += 333) {
      blocks.accept(noise, at, Math.min(333, noise.length - at));
    }

    LevelMeter whole = LevelMeter.of(noise);

    assertThat(blocks.peak()).isEqualTo(whole.peak());
    assertThat(blocks.rms()).isCloseTo(whole.rms(), within(1e-12));
  }

  @Test
  void reportsSilenceAsZeroAndMinusInfinityDbfs() {
    LevelMeter meter = LevelMeter.of(new float[100]);

    assertThat(meter.peak()).isZero();
    assertThat(meter.rms()).isZero();
    assertThat(meter.rmsDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(new LevelMeter().rms()).isZero();
  }

  @Test
  void peakNormalisationBringsThePeakToTheTarget() {
    Normalization peak = Normalization.peak();

    double gain = peak.gainFor(0.25, 0.1);

    assertThat(Decibels.fromLinear(0.25 * gain)).isCloseTo(-1.0, within(1e-9));
    assertThat(peak.targetDbfs()).isEqualTo(-1.0);
  }

  @Test
  void rmsNormalisationBringsTheRmsToTheTarget() {
    double gain = Normalization.rms().gainFor(0.05, 0.01);

    assertThat(Decibels.fromLinear(0.01 * gain)).isCloseTo(-20.0, within(1e-9));
  }

  @Test
  void rmsNormalisationNeverPushesThePeakAboveMinusPointOneDbfs() {
    // A spiky signal: reaching -20 dBFS RMS would need a gain that clips its peak.
    double gain = Normalization.rms().gainFor(0.5, 0.01);

    assertThat(Decibels.fromLinear(0.5 * gain)).isCloseTo(-0.1, within(1e-9));
    assertThat(Decibels.fromLinear(0.01 * gain)).isLessThan(-20.0);
  }

  @Test
  void leavesSilenceAndDisabledNormalisationAtUnitGain() {
    assertThat(Normalization.peak().gainFor(0, 0)).isEqualTo(1.0);
    assertThat(Normalization.rms().gainFor(0, 0)).isEqualTo(1.0);
    assertThat(Normalization.none().gainFor(0.9, 0.3)).isEqualTo(1.0);
  }

  @Test
  void rejectsTargetsAboveFullScaleAndInvalidLevels() {
    assertThatThrownBy(() -> Normalization.peak(3.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3.0 dBFS");
    assertThatThrownBy(() -> Normalization.rms(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN dBFS");
    assertThatThrownBy(() -> Normalization.peak().gainFor(-0.5, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("peak -0.5");
  }

  @Test
  void downmixAveragesTheChannelsOfEachFrame() {
    float[] stereo = {1f, 0f, 0.5f, -0.5f, -1f, -1f};
    float[] sixChannels = {0.6f, 0.6f, 0.6f, 0f, 0f, 0f};

    assertThat(Downmix.toMono(stereo, 2)).containsExactly(0.5f, 0f, -1f);
    assertThat(Downmix.toMono(sixChannels, 6)).containsExactly(0.3f);
    assertThat(Downmix.toMono(new float[] {0.1f, 0.2f}, 1)).containsExactly(0.1f, 0.2f);
  }

  @Test
  void downmixWorksOnArraySlices() {
    float[] in = {9f, 9f, 0.2f, 0.4f, 0.6f, 0.8f, 9f};
    float[] out = {7f, 7f, 7f, 7f};

    Downmix.toMono(in, 2, 2, 2, out, 1);

    assertThat(out).containsExactly(new float[] {7f, 0.3f, 0.7f, 7f}, within(1e-7f));
  }

  @Test
  void downmixRejectsPartialFrames() {
    assertThatThrownBy(() -> Downmix.toMono(new float[5], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signal of 5 samples is not whole frames of 2 channels");
  }
}
