package dev.earshot.audio.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.Signals;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SilenceTrimmerTest {

  private static final int RATE = 16000;
  private static final int PADDING = 3200;

  @Test
  void dropsLeadingAndTrailingSilenceButKeepsThePadding() {
    float[] signal =
        Signals.concat(quiet(RATE, 1), Signals.sine(440, RATE, RATE, 0.5), quiet(2 * RATE, 2));

    Trimmed trimmed = Trimmed.of(signal, Trimming.defaults(), signal.length);

    assertThat(trimmed.leading).isEqualTo(RATE - PADDING);
    assertThat(trimmed.samples).hasSize(PADDING + RATE + PADDING);
    assertThat(trimmed.samples)
        .isEqualTo(Arrays.copyOfRange(signal, RATE - PADDING, 2 * RATE + PADDING));
  }

  @Test
  void keepsSilenceBetweenSounds() {
    float[] signal =
        Signals.concat(
            Signals.sine(440, RATE, RATE / 2, 0.5),
            quiet(3 * RATE, 3),
            Signals.sine(880, RATE, RATE / 2, 0.5));

    Trimmed trimmed = Trimmed.of(signal, Trimming.defaults(), 1000);

    assertThat(trimmed.leading).isZero();
    assertThat(trimmed.samples).isEqualTo(signal);
  }

  @Test
  void emitsNothingForAnAllSilentInput() {
    Trimmed trimmed = Trimmed.of(quiet(5 * RATE, 4), Trimming.defaults(), 4096);

    assertThat(trimmed.samples).isEmpty();
    assertThat(trimmed.started).isFalse();
  }

  @Test
  void treatsAQuietFinalPartialFrameAsSilenceAndALoudOneAsSound() {
    float[] sound = Signals.sine(440, RATE, RATE, 0.5);
    float[] loudTail = Signals.concat(quiet(RATE, 5), Signals.sine(440, RATE, 100, 0.5));

    assertThat(Trimmed.of(Signals.concat(sound, quiet(150, 6)), Trimming.defaults(), 77).samples)
        .hasSize(RATE + 150);
    assertThat(Trimmed.of(loudTail, Trimming.defaults(), 77).samples).hasSize(PADDING + 100);
  }

  @Test
  void cutsAtTheThresholdMeasuredOverFrames() {
    float[] justBelow =
        Signals.sine(440, RATE, RATE, 0.9 * Math.sqrt(2) * Math.pow(10, -50 / 20.0));
    float[] justAbove =
        Signals.sine(440, RATE, RATE, 1.1 * Math.sqrt(2) * Math.pow(10, -50 / 20.0));

    assertThat(Trimmed.of(justBelow, Trimming.defaults(), 500).samples).isEmpty();
    assertThat(Trimmed.of(justAbove, Trimming.defaults(), 500).samples).hasSize(RATE);
  }

  @Test
  void givesTheSameOutputWhateverTheBlockSizes() {
    float[] signal = Signals.speechLike(9, RATE, 20 * RATE);
    Trimming trimming = new Trimming(true, -40, 0.02, 0.1);
    Trimmed reference = Trimmed.of(signal, trimming, signal.length);

    for (long seed = 1; seed <= 5; seed++) {
      Trimmed blocks = Trimmed.ofRandomBlocks(signal, trimming, new Random(seed));
      assertThat(blocks.samples).isEqualTo(reference.samples);
      assertThat(blocks.leading).isEqualTo(reference.leading);
    }
  }

  @Test
  void passesEverythingThroughWhenDisabled() {
    float[] signal = Signals.concat(quiet(RATE, 7), Signals.sine(440, RATE, 100, 0.5));

    Trimmed trimmed = Trimmed.of(signal, Trimming.disabled(), 999);

    assertThat(trimmed.samples).isEqualTo(signal);
    assertThat(trimmed.leading).isZero();
  }

  @Test
  void rejectsSettingsOutsideTheirRange() {
    assertThatThrownBy(() -> new Trimming(true, 6, 0.02, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6.0 dBFS");
    assertThatThrownBy(() -> new Trimming(true, -50, 0, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frame 0.0 s");
    assertThatThrownBy(() -> new Trimming(true, -50, 0.02, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("padding -1.0 s");
  }

  /** Low-level noise well under the -50 dBFS threshold. */
  private static float[] quiet(int length, long seed) {
    return Signals.noise(seed, length, 0.0005);
  }

  private record Trimmed(float[] samples, long leading, boolean started) {

    static Trimmed of(float[] signal, Trimming trimming, int block) {
      Collector out = new Collector();
      SilenceTrimmer trimmer = new SilenceTrimmer(RATE, trimming, out);
      for (int at = 0; at < signal.length; at += block) {
        trimmer.accept(signal, at, Math.min(block, signal.length - at));
      }
      trimmer.finish();
      return new Trimmed(out.toArray(), trimmer.leadingTrimmed(), trimmer.started());
    }

    static Trimmed ofRandomBlocks(float[] signal, Trimming trimming, Random random) {
      Collector out = new Collector();
      SilenceTrimmer trimmer = new SilenceTrimmer(RATE, trimming, out);
      for (int at = 0; at < signal.length; ) {
        int block = Math.min(signal.length - at, random.nextInt(2000));
        trimmer.accept(signal, at, block);
        at += block;
      }
      trimmer.finish();
      return new Trimmed(out.toArray(), trimmer.leadingTrimmed(), trimmer.started());
    }
  }

  private static final class Collector implements FloatSink {
    private float[] all = new float[1024];
    private int size;

    @Override
    public void accept(float[] samples, int offset, int length) {
      if (size + length > all.length) {
        all = Arrays.copyOf(all, Math.max(size + length, 2 * all.length));
      }
      System.arraycopy(samples, offset, all, size, length);
      size += length;
    }

    float[] toArray() {
      return Arrays.copyOf(all, size);
    }
  }
}
