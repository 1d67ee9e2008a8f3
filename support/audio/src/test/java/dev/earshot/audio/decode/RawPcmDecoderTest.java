package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.Signals;
import dev.earshot.audio.WavBytes;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RawPcmDecoderTest {

  @ParameterizedTest
  @EnumSource(RawPcmDecoder.Format.class)
  void piecesOfAnySizeDecodeToTheSameSamplesAsOneBlock(RawPcmDecoder.Format format) {
    int channels = 3;
    float[] signal = Signals.noise(5, 3 * 997, 0.5);
    byte[] bytes = WavBytes.encode(signal, WavBytes.Format.valueOf(wavFormatOf(format)));
    float[] whole = new RawPcmDecoder(format, channels).decode(bytes, 0, bytes.length);

    RawPcmDecoder pieces = new RawPcmDecoder(format, channels);
    Random random = new Random(11);
    float[] joined = new float[0];
    for (int at = 0; at < bytes.length; ) {
      int n = Math.min(bytes.length - at, random.nextInt(7));
      float[] part = pieces.decode(bytes, at, n);
      assertThat(part.length % channels).isZero();
      joined = Signals.concat(joined, part);
      at += n;
    }

    assertThat(joined).containsExactly(whole);
    assertThat(pieces.pendingBytes()).isZero();
    assertThat(whole.length).isEqualTo(signal.length);
    for (int i = 0; i < signal.length; i++) {
      assertThat((double) whole[i])
          .isCloseTo(signal[i], org.assertj.core.data.Offset.offset(2.0 / 128));
    }
  }

  @Test
  void anIncompleteFrameWaitsForTheRestOfIt() {
    RawPcmDecoder decoder = new RawPcmDecoder(RawPcmDecoder.Format.S16LE, 2);

    float[] first = decoder.decode(new byte[] {0x00, 0x40, 0x00}, 0, 3);
    float[] second = decoder.decode(new byte[] {(byte) 0xC0}, 0, 1);

    assertThat(first).isEmpty();
    assertThat(decoder.pendingBytes()).isZero();
    assertThat(second).containsExactly(0.5f, -0.5f);
  }

  @Test
  void unknownFormatNamesAreRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> RawPcmDecoder.Format.parse("s16be"))
        .hasMessageContaining("s16be")
        .hasMessageContaining("[u8, s16le, s24le, s32le, f32le]");
    assertThat(RawPcmDecoder.Format.parse(" F32LE ")).isEqualTo(RawPcmDecoder.Format.F32LE);
  }

  private static String wavFormatOf(RawPcmDecoder.Format format) {
    return switch (format) {
      case U8 -> "U8";
      case S16LE -> "S16";
      case S24LE -> "S24";
      case S32LE -> "S32";
      case F32LE -> "F32";
    };
  }
}
