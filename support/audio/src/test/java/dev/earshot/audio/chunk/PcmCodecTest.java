package dev.earshot.audio.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import org.junit.jupiter.api.Test;

class PcmCodecTest {

  @Test
  void reproducesEverySixteenBitPayloadExactly() {
    byte[] every = new byte[65536 * 2];
    for (int v = 0; v < 65536; v++) {
      every[2 * v] = (byte) v;
      every[2 * v + 1] = (byte) (v >> 8);
    }

    byte[] again =
        PcmCodec.encode(PcmCodec.decode(every, PcmEncoding.PCM_S16LE), PcmEncoding.PCM_S16LE);

    assertThat(again).isEqualTo(every);
  }

  @Test
  void isStableWhenSixteenBitRoundTripsAreRepeated() {
    float[] signal = Signals.noise(1, 10_000, 1.0);
    float[] once =
        PcmCodec.decode(PcmCodec.encode(signal, PcmEncoding.PCM_S16LE), PcmEncoding.PCM_S16LE);
    float[] twice =
        PcmCodec.decode(PcmCodec.encode(once, PcmEncoding.PCM_S16LE), PcmEncoding.PCM_S16LE);

    assertThat(twice).isEqualTo(once);
    for (int i = 0; i < signal.length; i++) {
      // +1.0 itself is not representable: the top of the range clips to 32767 / 32768.
      float expected = Math.min(signal[i], 32767f / 32768);
      assertThat(once[i]).isCloseTo(expected, within(0.5f / 32768 + 1e-7f));
    }
  }

  @Test
  void usesTheDecodersSixteenBitScaleAndClipsAtFullScale() {
    float[] decoded =
        PcmCodec.decode(
            PcmCodec.encode(new float[] {1f, -1f, 0f, 2f, -2f, Float.NaN}, PcmEncoding.PCM_S16LE),
            PcmEncoding.PCM_S16LE);

    assertThat(decoded).containsExactly(32767 / 32768f, -1f, 0f, 32767 / 32768f, -1f, 0f);
    assertThat(PcmCodec.encode(new float[] {1f, -1f, 0.5f}, PcmEncoding.PCM_S16LE))
        .containsExactly(0xFF, 0x7F, 0x00, 0x80, 0x00, 0x40);
  }

  @Test
  void keepsFloatBitsExactly() {
    float[] signal = {0f, -0f, 1e-30f, -1.5f, Float.MIN_VALUE, 0.123456789f, Float.NaN};

    byte[] payload = PcmCodec.encode(signal, PcmEncoding.PCM_F32LE);

    assertThat(payload).hasSize(28);
    float[] decoded = PcmCodec.decode(payload, PcmEncoding.PCM_F32LE);
    for (int i = 0; i < signal.length; i++) {
      assertThat(Float.floatToRawIntBits(decoded[i])).isEqualTo(Float.floatToRawIntBits(signal[i]));
    }
    assertThat(PcmCodec.encode(new float[] {1f}, PcmEncoding.PCM_F32LE))
        .containsExactly(0x00, 0x00, 0x80, 0x3F);
  }

  @Test
  void encodesASliceOfTheArray() {
    float[] signal = {0.5f, 0.25f, -0.25f, 1f};

    float[] slice =
        PcmCodec.decode(
            PcmCodec.encode(signal, 1, 2, PcmEncoding.PCM_F32LE), PcmEncoding.PCM_F32LE);

    assertThat(slice).containsExactly(0.25f, -0.25f);
  }

  @Test
  void rejectsPayloadsOfPartialSamples() {
    assertThatThrownBy(() -> PcmCodec.decode(new byte[3], PcmEncoding.PCM_S16LE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PCM_S16LE payload length 3 is not a multiple of 2 bytes");
    assertThatThrownBy(() -> PcmCodec.decode(new byte[6], PcmEncoding.PCM_F32LE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PCM_F32LE payload length 6 is not a multiple of 4 bytes");
    assertThat(PcmCodec.decode(new byte[0], PcmEncoding.PCM_S16LE)).isEmpty();
  }
}
