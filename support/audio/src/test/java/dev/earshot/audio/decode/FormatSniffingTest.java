package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatSniffingTest {

  @Test
  void reportsZeroBytesAsEmpty() {
    Decoded.assertFails(new byte[0], Reason.EMPTY, "input is empty (0 bytes)");
  }

  @Test
  void quotesTheLeadingBytesOfAPdf() {
    Decoded.assertFails(
        "%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1),
        Reason.NOT_AUDIO,
        "not a recognised audio format (starts with bytes 25 50 44 46 = '%PDF')");
  }

  @Test
  void rejectsTextAndRandomBytesAsNotAudio() {
    byte[] text = "Hello, this is a plain text file.\n".getBytes(StandardCharsets.US_ASCII);
    Decoded.assertFails(text, Reason.NOT_AUDIO, "(starts with bytes 48 65 6C 6C = 'Hell')");
    for (long seed = 1; seed <= 20; seed++) {
      byte[] random = new byte[5000];
      new Random(seed).nextBytes(random);
      if (random[0] == (byte) 0xFF) {
        random[0] = 0;
      }
      Decoded.assertFails(random, Reason.NOT_AUDIO, "not a recognised audio format");
    }
  }

  @Test
  void ignoresTheFileNameAndReadsTheContent() throws IOException {
    // A FLAC file passed as bytes has no name at all; what matters is the fLaC magic.
    byte[] flac = CompressedFormatsTest.fixture("sine440-44k-stereo.flac");

    assertThat(Decoded.of(flac).info().container()).isEqualTo(Container.FLAC);
  }

  @Test
  void namesRiffAndIffFilesThatAreNotAudio() {
    byte[] avi = "RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1);
    byte[] ilbm = "FORM\0\0\0\0ILBMBMHD".getBytes(StandardCharsets.ISO_8859_1);

    Decoded.assertFails(avi, Reason.NOT_AUDIO, "RIFF file of type 'AVI ' is not WAVE audio");
    Decoded.assertFails(ilbm, Reason.NOT_AUDIO, "IFF file of type 'ILBM' is not AIFF audio");
  }

  @Test
  void namesKnownAudioFormatsThatAreNotSupported() {
    Decoded.assertFails(
        "\0\0\0\u0020ftypM4A \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
        Reason.UNSUPPORTED_CODEC,
        "MP4/M4A");
    Decoded.assertFails(
        new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0},
        Reason.UNSUPPORTED_CODEC,
        "Matroska/WebM");
    Decoded.assertFails(
        new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0, 0},
        Reason.UNSUPPORTED_CODEC,
        "AAC (ADTS)");
    Decoded.assertFails(
        "RIFX\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1),
        Reason.UNSUPPORTED_CODEC,
        "big-endian RIFX");
  }

  @Test
  void needsTwoConsistentFrameHeadersBeforeCallingBytesMp3() {
    byte[] mp3 = CompressedFormatsTest.fixture("sine440-44k-stereo.mp3");
    int firstFrame = 10 + 35;
    byte[] lonelyHeader = Arrays.copyOfRange(mp3, firstFrame, firstFrame + 4000);
    Arrays.fill(lonelyHeader, 4, lonelyHeader.length, (byte) 0x11);

    Decoded.assertFails(lonelyHeader, Reason.NOT_AUDIO, "starts with bytes FF FB");
  }

  @Test
  void reportsAnId3TagWithNothingAfterItAsEmpty() {
    byte[] tagOnly = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 2, 'x', 'y'};

    Decoded.assertFails(tagOnly, Reason.EMPTY, "MP3 file holds an ID3 tag but no audio frames");
  }
}
