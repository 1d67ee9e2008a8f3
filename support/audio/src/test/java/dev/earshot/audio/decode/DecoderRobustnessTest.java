package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.earshot.audio.Signals;
import dev.earshot.audio.WavBytes;
import dev.earshot.audio.WavBytes.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged input must end in an {@link AudioFormatException}, or decode, but never escape as another
 * exception, hang or run out of memory.
 */
class DecoderRobustnessTest {

  private static final Duration LIMIT = Duration.ofSeconds(20);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sine440-44k-stereo.flac",
        "sine440-44k-stereo.ogg",
        "sine440-44k-stereo.mp3",
        "sine440-22k-mono.mp3",
        "sine440-8k-mono.aiff",
        "sine440-8k-mono.au",
        "wav"
      })
  void survivesTruncationAtAnyPoint(String fixture) {
    byte[] bytes = bytes(fixture);
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 40)) {
            decodeOrFailCleanly(Arrays.copyOf(bytes, cut), fixture + " cut at " + cut);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sine440-44k-stereo.flac",
        "sine440-44k-stereo.ogg",
        "sine440-44k-stereo.mp3",
        "sine440-22k-mono.mp3",
        "sine440-8k-mono.aiff",
        "sine440-8k-mono.au",
        "wav"
      })
  void survivesRandomlyDamagedBytes(String fixture) {
    byte[] original = bytes(fixture);
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            byte[] damaged = original.clone();
            int hits = 1 + random.nextInt(12);
            for (int i = 0; i < hits; i++) {
              // Half the damage lands in the headers, where parsers are most exposed.
              int at =
                  random.nextBoolean()
                      ? random.nextInt(Math.min(200, damaged.length))
                      : random.nextInt(damaged.length);
              damaged[at] = (byte) random.nextInt(256);
            }
            decodeOrFailCleanly(damaged, fixture + " damaged with seed " + seed);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"fLaC", "OggS", "RIFF\u0010\0\0\0WAVE", "ID3", "FORM\0\0\0\u0040AIFF", ".snd"})
  void survivesRandomBytesAfterAValidMagic(String magic) {
    byte[] prefix = magic.getBytes(StandardCharsets.ISO_8859_1);
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            byte[] bytes = new byte[prefix.length + random.nextInt(20_000)];
            random.nextBytes(bytes);
            System.arraycopy(prefix, 0, bytes, 0, prefix.length);
            decodeOrFailCleanly(bytes, magic + " with seed " + seed);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"fLaC", "OggS", "RIFF\u0010\0\0\0WAVE"})
  void rejectsRandomBytesAfterAStrictMagic(String magic) {
    byte[] prefix = magic.getBytes(StandardCharsets.ISO_8859_1);
    for (long seed = 1; seed <= 10; seed++) {
      Random random = new Random(seed);
      byte[] bytes = new byte[prefix.length + 4096];
      random.nextBytes(bytes);
      System.arraycopy(prefix, 0, bytes, 0, prefix.length);

      assertThatThrownBy(() -> Decoded.of(bytes)).isInstanceOf(AudioFormatException.class);
    }
  }

  @Test
  void survivesDamagedOggPagesWhoseChecksumsWereFixedUp() {
    // With valid checksums the damage reaches the Vorbis header parsers and the decoder itself.
    byte[] original = CompressedFormatsTest.fixture("sine440-44k-stereo.ogg");
    byte[] refixed = original.clone();
    fixOggChecksums(refixed);
    assertThat(refixed).as("checksums recomputed on intact pages").isEqualTo(original);
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            byte[] damaged = original.clone();
            int hits = 1 + random.nextInt(30);
            int limit = random.nextBoolean() ? Math.min(4200, damaged.length) : damaged.length;
            for (int i = 0; i < hits; i++) {
              int at = 60 + random.nextInt(limit - 60);
              damaged[at] = (byte) random.nextInt(256);
            }
            fixOggChecksums(damaged);
            decodeOrFailCleanly(damaged, "OGG damaged with seed " + seed);
          }
        });
  }

  /** Recomputes every page's CRC-32 (polynomial 0x04C11DB7, over the page with a zero CRC). */
  private static void fixOggChecksums(byte[] ogg) {
    int page = 0;
    while (page + 27 <= ogg.length && ogg[page] == 'O' && ogg[page + 1] == 'g') {
      int segments = ogg[page + 26] & 0xff;
      if (page + 27 + segments > ogg.length) {
        return;
      }
      int length = 27 + segments;
      for (int i = 0; i < segments; i++) {
        length += ogg[page + 27 + i] & 0xff;
      }
      if (page + length > ogg.length) {
        return;
      }
      Arrays.fill(ogg, page + 22, page + 26, (byte) 0);
      int crc = 0;
      for (int i = page; i < page + length; i++) {
        crc ^= (ogg[i] & 0xff) << 24;
        for (int bit = 0; bit < 8; bit++) {
          crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
      }
      for (int i = 0; i < 4; i++) {
        ogg[page + 22 + i] = (byte) (crc >>> (8 * i));
      }
      page += length;
    }
  }

  private static void decodeOrFailCleanly(byte[] bytes, String what) {
    try {
      Decoded decoded = Decoded.of(bytes);
      for (float sample : decoded.samples()) {
        if (!(sample >= -1f && sample <= 1f)) {
          throw new AssertionError(what + " decoded a sample outside [-1, 1]: " + sample);
        }
      }
    } catch (AudioFormatException e) {
      assertThat(e.getMessage()).as(what).isNotBlank();
      assertThat(e.reason()).as(what).isNotNull();
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(what + " escaped as " + e, e);
    }
  }

  private static byte[] bytes(String fixture) {
    if (fixture.equals("wav")) {
      return WavBytes.of(Format.S24, 2, 44100, Signals.sine(440, 44100, 4000, 0.5)).build();
    }
    return CompressedFormatsTest.fixture(fixture);
  }
}
