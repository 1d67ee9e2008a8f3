package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import dev.earshot.audio.WavBytes;
import dev.earshot.audio.WavBytes.Format;
import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavDecodingTest {

  private static final int[] RATES = {8000, 11025, 12345, 22050, 44100, 48000, 96000};
  private static final int[] CHANNELS = {1, 2, 6};

  @ParameterizedTest
  @EnumSource(Format.class)
  void decodesEverySampleFormatAtEveryRateAndChannelCountWithinQuantisation(Format format)
      throws IOException {
    for (int rate : RATES) {
      for (int channels : CHANNELS) {
        float[] signal = multiChannelSignal(rate, channels, rate / 20);
        byte[] wav = WavBytes.of(format, channels, rate, signal).build();

        Decoded decoded = Decoded.of(wav);

        assertThat(decoded.info().container()).isEqualTo(Container.WAV);
        assertThat(decoded.info().sampleRate()).isEqualTo(rate);
        assertThat(decoded.info().channels()).isEqualTo(channels);
        assertThat(decoded.info().totalFrames()).isEqualTo(rate / 20);
        assertMatches(decoded.samples(), signal, format);
      }
    }
  }

  @Test
  void namesTheCodecOfEachFormat() throws IOException {
    float[] signal = Signals.sine(440, 8000, 100, 0.5);
    assertThat(describe(WavBytes.of(Format.U8, 1, 8000, signal).build()))
        .isEqualTo("WAV PCM 8-bit, 8000 Hz, 1 ch");
    assertThat(describe(WavBytes.of(Format.S24, 1, 8000, signal).build()))
        .isEqualTo("WAV PCM 24-bit, 8000 Hz, 1 ch");
    assertThat(describe(WavBytes.of(Format.F32, 1, 8000, signal).build()))
        .isEqualTo("WAV IEEE float 32-bit, 8000 Hz, 1 ch");
    assertThat(describe(WavBytes.of(Format.F64, 1, 8000, signal).build()))
        .isEqualTo("WAV IEEE float 64-bit, 8000 Hz, 1 ch");
    assertThat(describe(WavBytes.of(Format.MU_LAW, 1, 8000, signal).build()))
        .isEqualTo("WAV mu-law 8-bit, 8000 Hz, 1 ch");
    assertThat(describe(WavBytes.of(Format.A_LAW, 1, 8000, signal).build()))
        .isEqualTo("WAV A-law 8-bit, 8000 Hz, 1 ch");
  }

  @Test
  void decodesExtensiblePcmFloatAndLawSubFormats() throws IOException {
    float[] stereo = multiChannelSignal(48000, 2, 2400);
    byte[] pcm24 = WavBytes.of(Format.S24, 2, 48000, stereo).extensible(24, 1).build();
    byte[] float32 = WavBytes.of(Format.F32, 2, 48000, stereo).extensible(32, 3).build();
    byte[] muLaw = WavBytes.of(Format.MU_LAW, 2, 48000, stereo).extensible(8, 7).build();

    assertMatches(Decoded.of(pcm24).samples(), stereo, Format.S24);
    assertMatches(Decoded.of(float32).samples(), stereo, Format.F32);
    assertMatches(Decoded.of(muLaw).samples(), stereo, Format.MU_LAW);
    assertThat(Decoded.of(float32).info().codec()).isEqualTo("IEEE float 32-bit");
  }

  @Test
  void decodesSamplesWithFewerValidBitsLeftAlignedInTheirContainer() throws IOException {
    // 24 valid bits in 32-bit containers: the low byte is zero, the value is the 24-bit one.
    float[] signal = Signals.sine(1000, 96000, 960, 0.7);
    float[] quantised = new float[signal.length];
    for (int i = 0; i < signal.length; i++) {
      quantised[i] = Math.round(signal[i] * 8388608.0) / 8388608f;
    }
    byte[] wav = WavBytes.of(Format.S32, 1, 96000, quantised).extensible(24, 1).build();

    Decoded decoded = Decoded.of(wav);

    assertThat(decoded.info().codec()).isEqualTo("PCM 24-bit in 32-bit container");
    assertThat(decoded.samples()).containsExactly(quantised, within(1e-7f));
  }

  @Test
  void decodesTheG711ReferenceCodePoints() throws IOException {
    byte[] muLaw = {(byte) 0x80, 0x00, (byte) 0xFF, 0x7F};
    byte[] aLaw = {(byte) 0xAA, 0x2A, (byte) 0xD5, 0x55};

    float[] mu =
        Decoded.of(new WavBytes().format(7, 8).sampleRate(8000).data(muLaw).build()).samples();
    float[] a =
        Decoded.of(new WavBytes().format(6, 8).sampleRate(8000).data(aLaw).build()).samples();

    assertThat(mu).containsExactly(32124 / 32768f, -32124 / 32768f, 0f, 0f);
    assertThat(a).containsExactly(32256 / 32768f, -32256 / 32768f, 8 / 32768f, -8 / 32768f);
  }

  @Test
  void clipsFloatSamplesOutsideFullScaleAndZeroesNaN() throws IOException {
    float[] hot = {1.5f, -2f, Float.NaN, 0.25f, Float.POSITIVE_INFINITY};
    byte[] wav = WavBytes.of(Format.F32, 1, 8000, hot).build();

    assertThat(Decoded.of(wav).samples()).containsExactly(1f, -1f, 0f, 0.25f, 1f);
  }

  @Test
  void skipsUnknownChunksAndHonoursTheirPadByte() throws IOException {
    float[] signal = Signals.sine(440, 16000, 1600, 0.5);
    byte[] wav =
        WavBytes.of(Format.S16, 1, 16000, signal)
            .chunk("LIST", new byte[] {'I', 'N', 'F', 'O', 'x'})
            .chunk("fact", new byte[] {64, 6, 0, 0})
            .build();

    assertMatches(Decoded.of(wav).samples(), signal, Format.S16);
  }

  @Test
  void readsToTheEndWhenAStreamingWriterLeftTheDataSizeUnset() throws IOException {
    float[] signal = Signals.sine(440, 16000, 1000, 0.5);
    byte[] unknown =
        WavBytes.of(Format.S16, 1, 16000, signal).declaredDataSize(0xFFFFFFFFL).build();
    byte[] zero = WavBytes.of(Format.S16, 1, 16000, signal).declaredDataSize(0).build();

    assertMatches(Decoded.of(unknown).samples(), signal, Format.S16);
    assertMatches(Decoded.ofStream(zero, 7).samples(), signal, Format.S16);
    assertThat(Decoded.ofStream(unknown, 7).info().totalFrames()).isEqualTo(-1);
  }

  @Test
  void readsRf64WithItsDs64DataSize() throws IOException {
    float[] signal = Signals.sine(440, 16000, 1000, 0.5);
    byte[] wav =
        WavBytes.of(Format.S16, 1, 16000, signal).rf64().trailing(new byte[] {1, 2, 3, 4}).build();

    Decoded decoded = Decoded.of(wav);

    assertThat(decoded.info().totalFrames()).isEqualTo(1000);
    assertMatches(decoded.samples(), signal, Format.S16);
  }

  @Test
  void ignoresAPartialTrailingFrameTheHeaderAccountsFor() throws IOException {
    float[] stereo = multiChannelSignal(8000, 2, 100);
    byte[] data = WavBytes.encode(stereo, Format.S16);
    byte[] withPartialFrame = new byte[data.length + 3];
    System.arraycopy(data, 0, withPartialFrame, 0, data.length);
    byte[] wav =
        new WavBytes().format(1, 16).channels(2).sampleRate(8000).data(withPartialFrame).build();

    Decoded decoded = Decoded.of(wav);

    assertThat(decoded.info().totalFrames()).isEqualTo(100);
    assertMatches(decoded.samples(), stereo, Format.S16);
    assertMatches(Decoded.ofStream(wav, 5).samples(), stereo, Format.S16);
  }

  @Test
  void givesTheSameSamplesFromAPathAByteArrayAndADribblingStream(@TempDir Path dir)
      throws IOException {
    float[] signal = multiChannelSignal(44100, 2, 20000);
    byte[] wav = WavBytes.of(Format.S24, 2, 44100, signal).build();
    Path file = dir.resolve("no-extension");
    Files.write(file, wav);

    float[] fromPath;
    try (PcmStream in = AudioDecoder.open(file)) {
      fromPath = Decoded.readAll(in, 30);
    }

    assertThat(fromPath).isEqualTo(Decoded.of(wav).samples());
    assertThat(Decoded.ofStream(wav, 3).samples()).isEqualTo(fromPath);
  }

  @Test
  void rejectsAHeaderWithZeroChannels() {
    byte[] wav = new WavBytes().channels(0).blockAlign(2).data(new byte[4]).build();

    Decoded.assertFails(wav, Reason.INVALID_HEADER, "WAV header declares 0 channels");
  }

  @Test
  void rejectsMoreThan64Channels() {
    byte[] wav = new WavBytes().channels(65).data(new byte[130]).build();

    Decoded.assertFails(wav, Reason.INVALID_HEADER, "65 channels");
  }

  @Test
  void rejectsSampleRatesOutsideTheSupportedRange() {
    byte[] zero = new WavBytes().sampleRate(0).data(new byte[4]).build();
    byte[] tenMegahertz = new WavBytes().sampleRate(10_000_000).data(new byte[4]).build();

    Decoded.assertFails(
        zero,
        Reason.INVALID_HEADER,
        "WAV sample rate 0 Hz is outside the supported range 1000..768000 Hz");
    Decoded.assertFails(
        tenMegahertz,
        Reason.INVALID_HEADER,
        "WAV sample rate 10000000 Hz is outside the supported range 1000..768000 Hz");
  }

  @Test
  void rejectsPcmBitDepthsOtherThan8To32InWholeBytes() {
    byte[] zeroBits = new WavBytes().format(1, 0).blockAlign(2).data(new byte[4]).build();
    byte[] twelveBits = new WavBytes().format(1, 12).blockAlign(2).data(new byte[4]).build();

    Decoded.assertFails(zeroBits, Reason.INVALID_HEADER, "WAV PCM bits per sample 0 is not one of");
    Decoded.assertFails(
        twelveBits, Reason.INVALID_HEADER, "WAV PCM bits per sample 12 is not one of");
  }

  @Test
  void rejectsFloatAndG711WithImpossibleBitDepths() {
    byte[] float16 = new WavBytes().format(3, 16).data(new byte[4]).build();
    byte[] muLaw16 = new WavBytes().format(7, 16).data(new byte[4]).build();

    Decoded.assertFails(float16, Reason.INVALID_HEADER, "WAV IEEE float bits per sample 16");
    Decoded.assertFails(muLaw16, Reason.INVALID_HEADER, "WAV mu-law bits per sample 16 is not 8");
  }

  @Test
  void rejectsABlockAlignThatContradictsChannelsAndBits() {
    byte[] wav = new WavBytes().channels(2).blockAlign(3).data(new byte[12]).build();

    Decoded.assertFails(
        wav,
        Reason.INVALID_HEADER,
        "WAV block align 3 does not match 2 channels x 16 bits (expected 4)");
  }

  @Test
  void rejectsAFileWithoutFmtOrDataChunk() {
    Decoded.assertFails(
        new WavBytes().withoutFmt().data(new byte[4]).build(),
        Reason.INVALID_HEADER,
        "WAV data chunk comes before any fmt chunk");
    Decoded.assertFails(
        new WavBytes().withoutFmt().withoutData().build(),
        Reason.INVALID_HEADER,
        "WAV file has no fmt chunk");
    Decoded.assertFails(
        new WavBytes().withoutData().build(), Reason.INVALID_HEADER, "WAV file has no data chunk");
    Decoded.assertFails(
        new WavBytes().dataBeforeFmt().data(new byte[4]).build(),
        Reason.INVALID_HEADER,
        "WAV data chunk comes before any fmt chunk");
  }

  @Test
  void namesUnsupportedFormatTags() {
    byte[] adpcm = new WavBytes().format(0x0011, 4).blockAlign(1024).data(new byte[1024]).build();
    byte[] unknown = new WavBytes().format(0x1234, 16).data(new byte[4]).build();

    Decoded.assertFails(
        adpcm, Reason.UNSUPPORTED_CODEC, "unsupported WAV codec: format tag 0x0011 (IMA ADPCM)");
    Decoded.assertFails(
        unknown, Reason.UNSUPPORTED_CODEC, "unsupported WAV codec: format tag 0x1234");
  }

  @Test
  void namesAnUnsupportedExtensibleSubFormat() {
    byte[] guid = new byte[16];
    guid[0] = 0x42;
    byte[] wav = new WavBytes().extensible(16, 1).subFormatGuid(guid).data(new byte[4]).build();

    Decoded.assertFails(
        wav,
        Reason.UNSUPPORTED_CODEC,
        "unsupported WAV codec: WAVE_FORMAT_EXTENSIBLE sub-format {00000042-0000-0000-0000");
  }

  @Test
  void reportsTruncationAtOpenWhenTheLengthIsKnown(@TempDir Path dir) throws IOException {
    byte[] wav = new WavBytes().data(new byte[1200]).declaredDataSize(882000).build();
    Path file = dir.resolve("cut.wav");
    Files.write(file, wav);
    String message = "file is truncated: data chunk declares 882000 bytes but only 1200 follow";

    Decoded.assertFails(wav, Reason.TRUNCATED, message);
    assertThatThrownBy(() -> AudioDecoder.open(file).close())
        .isInstanceOfSatisfying(
            AudioFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED))
        .hasMessage(message);
  }

  @Test
  void reportsTruncationOfAStreamAfterDeliveringTheSamplesPresent() throws IOException {
    float[] signal = Signals.sine(440, 44100, 600, 0.5);
    byte[] wav = WavBytes.of(Format.S16, 1, 44100, signal).declaredDataSize(882000).build();

    try (PcmStream in = AudioDecoder.open(Decoded.dribbling(wav, 1000))) {
      float[] buffer = new float[100_000];
      int total = 0;
      AudioFormatException failure = null;
      try {
        int n;
        while ((n = in.read(buffer, total, 256)) > 0) {
          total += n;
        }
      } catch (AudioFormatException e) {
        failure = e;
      }

      assertThat(total).isEqualTo(600);
      assertThat(failure).isNotNull();
      assertThat(failure.reason()).isEqualTo(Reason.TRUNCATED);
      assertThat(failure)
          .hasMessage("file is truncated: data chunk declares 882000 bytes but only 1200 follow");
    }
  }

  @Test
  void reportsATruncatedHeader() {
    byte[] wav = WavBytes.of(Format.S16, 1, 8000, new float[10]).build();
    byte[] cut = Arrays.copyOf(wav, 30);

    Decoded.assertFails(cut, Reason.TRUNCATED, "'fmt ' chunk declares 16 bytes but only 10 follow");
    Decoded.assertFails(Arrays.copyOf(wav, 8), Reason.TRUNCATED, "only 8 are present");
  }

  @Test
  void reportsADataChunkWithoutWholeFramesAsEmpty() {
    byte[] noBytes = new WavBytes().data(new byte[0]).build();
    byte[] lessThanAFrame = new WavBytes().channels(2).data(new byte[3]).build();

    Decoded.assertFails(noBytes, Reason.EMPTY, "WAV data chunk contains no audio samples");
    Decoded.assertFails(lessThanAFrame, Reason.EMPTY, "WAV data chunk contains no audio samples");
  }

  @Test
  void rejectsReadLengthsThatSplitAFrame() throws IOException {
    byte[] wav = WavBytes.of(Format.S16, 2, 8000, new float[20]).build();
    try (PcmStream in = AudioDecoder.open(wav)) {
      assertThatThrownBy(() -> in.read(new float[10], 0, 3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("read length 3 is not a multiple of 2 channels");
    }
  }

  private static float[] multiChannelSignal(int rate, int channels, int frames) {
    float[] interleaved = new float[frames * channels];
    for (int c = 0; c < channels; c++) {
      double frequency = Math.min(rate / 5.0, 220.0 * (c + 1));
      float[] tone = Signals.sine(frequency, rate, frames, 0.9 - 0.1 * c, c);
      for (int i = 0; i < frames; i++) {
        interleaved[i * channels + c] = tone[i];
      }
    }
    return interleaved;
  }

  private static void assertMatches(float[] decoded, float[] expected, Format format) {
    assertThat(decoded).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) decoded[i])
          .as("sample %d of %s", i, format)
          .isCloseTo(expected[i], within(WavBytes.tolerance(format, expected[i])));
    }
  }

  private static String describe(byte[] wav) throws IOException {
    try (PcmStream in = AudioDecoder.open(wav)) {
      return in.info().describe();
    }
  }
}
