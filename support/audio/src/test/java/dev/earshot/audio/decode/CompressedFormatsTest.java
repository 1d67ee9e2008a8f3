package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decodes the committed fixtures (see make-fixtures.sh): each is a 440 Hz sine at half of full
 * scale, so -9.03 dBFS RMS.
 */
class CompressedFormatsTest {

  static final double SINE_RMS = 0.5 / Math.sqrt(2);

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // fixture, description, frames, frame tolerance, level tolerance dB
    "sine440-44k-stereo.flac, 'FLAC 16-bit, 44100 Hz, 2 ch', 44100, 0, 0.01",
    "sine440-44k-stereo.ogg, 'OGG Vorbis, 44100 Hz, 2 ch', 44100, 0, 0.5",
    "sine440-44k-stereo.mp3, 'MP3 MPEG-1 Layer III, 44100 Hz, 2 ch', 44100, 0, 0.6",
    "sine440-22k-mono.mp3, 'MP3 MPEG-2 Layer III, 22050 Hz, 1 ch', 22050, 0, 0.6",
    "sine440-8k-mono.aiff, 'AIFF PCM 16-bit, 8000 Hz, 1 ch', 8000, 0, 0.01",
    "sine440-8k-mono.au, 'AU mu-law 8-bit, 8000 Hz, 1 ch', 8000, 0, 0.1"
  })
  void decodesTheFixtureToA440HertzSineOfTheRightLengthAndLevel(
      String fixture, String description, int frames, int frameTolerance, double levelDb)
      throws IOException {
    Decoded decoded = Decoded.of(fixture(fixture));
    int rate = decoded.info().sampleRate();

    assertThat(decoded.info().describe()).isEqualTo(description);
    assertThat(decoded.frames()).isCloseTo(frames, within(frameTolerance));
    for (int c = 0; c < decoded.info().channels(); c++) {
      float[] channel = decoded.channel(c);
      int from = rate / 10;
      int to = channel.length - rate / 10;
      assertThat(Signals.dominantFrequency(channel, from, to, rate, 100, 2000))
          .isCloseTo(440.0, within(2.0));
      assertThat(Signals.db(Signals.rms(channel, from, to) / SINE_RMS))
          .isCloseTo(0.0, within(levelDb));
    }
  }

  @Test
  void decodesMp3GaplesslyInPhaseWithTheEncodedSine() throws IOException {
    // The LAME tag's delay and padding are trimmed, so sample i is sin(2 pi 440 i / 44100) again.
    float[] left = Decoded.of(fixture("sine440-44k-stereo.mp3")).channel(0);
    float[] reference = Signals.sine(440, 44100, left.length, 0.5);

    double error = 0;
    for (int i = 4410; i < left.length - 4410; i++) {
      error += (left[i] - reference[i]) * (double) (left[i] - reference[i]);
    }
    double errorRms = Math.sqrt(error / (left.length - 8820));

    assertThat(Signals.db(errorRms / SINE_RMS)).isLessThan(-25.0);
  }

  @Test
  void reportsTheTotalFrameCountFromTheHeaders() throws IOException {
    assertThat(info("sine440-44k-stereo.flac").totalFrames()).isEqualTo(44100);
    assertThat(info("sine440-44k-stereo.mp3").totalFrames()).isEqualTo(44100);
    assertThat(info("sine440-8k-mono.aiff").totalFrames()).isEqualTo(8000);
    assertThat(info("sine440-44k-stereo.ogg").totalFrames()).isEqualTo(-1);
  }

  @Test
  void decodesTheSameFromANetworkLikeStreamAsFromMemory() throws IOException {
    for (String fixture :
        new String[] {
          "sine440-44k-stereo.flac",
          "sine440-44k-stereo.ogg",
          "sine440-22k-mono.mp3",
          "sine440-8k-mono.aiff",
          "sine440-8k-mono.au"
        }) {
      byte[] bytes = fixture(fixture);
      assertThat(Decoded.ofStream(bytes, 333).samples())
          .as(fixture)
          .isEqualTo(Decoded.of(bytes).samples());
    }
  }

  @Test
  void refusesOpusInOgg() {
    Decoded.assertFails(
        fixture("sine440-opus.ogg"),
        Reason.UNSUPPORTED_CODEC,
        "OGG stream holds Opus, only Vorbis is supported");
  }

  @Test
  void reportsAFlacCutInHalfAsTruncated() {
    byte[] flac = fixture("sine440-44k-stereo.flac");

    Decoded.assertFails(
        Arrays.copyOf(flac, flac.length / 2),
        Reason.TRUNCATED,
        "file is truncated: FLAC STREAMINFO declares 44100 samples but only");
  }

  @Test
  void reportsAnOggCutInsideItsAudioAsTruncated() {
    byte[] ogg = fixture("sine440-44k-stereo.ogg");

    Decoded.assertFails(
        Arrays.copyOf(ogg, ogg.length * 3 / 4), Reason.TRUNCATED, "without its end-of-stream page");
  }

  @Test
  void reportsAnMp3CutInHalfAsTruncated() {
    byte[] mp3 = fixture("sine440-44k-stereo.mp3");

    Decoded.assertFails(
        Arrays.copyOf(mp3, mp3.length / 2),
        Reason.TRUNCATED,
        "file is truncated: the MP3 header declares 40 frames but only");
  }

  @Test
  void reportsAnAiffCutInHalfAsTruncated() {
    byte[] aiff = fixture("sine440-8k-mono.aiff");

    Decoded.assertFails(
        Arrays.copyOf(aiff, aiff.length / 2),
        Reason.TRUNCATED,
        "file is truncated: the AIFF header declares 8000 frames but only");
  }

  @Test
  void reportsAnOggCutInsideItsHeadersAsTruncated() {
    byte[] ogg = fixture("sine440-44k-stereo.ogg");

    Decoded.assertFails(
        Arrays.copyOf(ogg, 200),
        Reason.TRUNCATED,
        "file is truncated: the OGG stream ends inside its Vorbis headers");
  }

  @Test
  void reportsACorruptFlacFrameAsCorrupt() {
    byte[] flac = fixture("sine440-44k-stereo.flac");
    flac[flac.length / 2] ^= 0x5A;

    Decoded.assertFails(flac, Reason.CORRUPT, "FLAC stream is corrupt");
  }

  @Test
  void reportsADamagedOggPageAsCorrupt() {
    byte[] ogg = fixture("sine440-44k-stereo.ogg");
    ogg[ogg.length / 2] ^= 0x5A;

    Decoded.assertFails(ogg, Reason.CORRUPT, "OGG stream is corrupt");
  }

  @Test
  void closingTheDecodedStreamClosesTheInput() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new java.io.ByteArrayInputStream(fixture("sine440-44k-stereo.flac")) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    AudioDecoder.open(in).close();

    assertThat(closed[0]).isTrue();
  }

  @Test
  void closesTheInputWhenOpeningFails() {
    boolean[] closed = {false};
    InputStream in =
        new java.io.ByteArrayInputStream("%PDF-1.7".getBytes()) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    assertThatThrownBy(() -> AudioDecoder.open(in)).isInstanceOf(AudioFormatException.class);
    assertThat(closed[0]).isTrue();
  }

  static byte[] fixture(String name) {
    try (InputStream in = CompressedFormatsTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AudioInfo info(String name) throws IOException {
    try (PcmStream in = AudioDecoder.open(fixture(name))) {
      return in.info();
    }
  }
}
