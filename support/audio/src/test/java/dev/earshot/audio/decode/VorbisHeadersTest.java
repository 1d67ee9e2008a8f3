package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class VorbisHeadersTest {

  @Test
  void rejectsACodebookOfZeroDimensionsOnWhichJorbisWouldSpinForever() {
    byte[] setup = setupHeader(new Bits().put(0, 8).put(0x564342, 24).put(0, 16).put(1, 24));

    assertThatThrownBy(() -> VorbisHeaders.checkSetup(setup, 0, setup.length))
        .isInstanceOfSatisfying(
            AudioFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
        .hasMessageContaining("codebook 0 has 0 dimensions");
  }

  @Test
  void rejectsALookupTableLargerThanThePacket() {
    // One codebook: 2 dimensions, 16 million entries of length 1, a type-2 lookup of 32M values.
    Bits bits = new Bits().put(0, 8).put(0x564342, 24).put(2, 16).put(1 << 23, 24);
    bits.put(0, 1).put(1, 1); // unordered, sparse
    byte[] setup = setupHeader(bits);

    assertThatThrownBy(() -> VorbisHeaders.checkSetup(setup, 0, setup.length))
        .isInstanceOf(AudioFormatException.class)
        .hasMessageContaining("setup header ends early");
  }

  @Test
  void rejectsACommentHeaderWhoseVendorStringOverrunsThePacket() {
    byte[] comment = {3, 'v', 'o', 'r', 'b', 'i', 's', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};

    assertThatThrownBy(() -> VorbisHeaders.checkComment(comment, 0, comment.length))
        .isInstanceOf(AudioFormatException.class)
        .hasMessageContaining("vendor string longer than the header");
  }

  @Test
  void acceptsTheHeadersOfARealFile() throws Exception {
    assertThatCode(() -> Decoded.of(CompressedFormatsTest.fixture("sine440-44k-stereo.ogg")))
        .doesNotThrowAnyException();
  }

  @Test
  void computesTheLookupValueCountOfTypeOneCodebooks() {
    assertThat(VorbisHeaders.lookup1Values(81, 4)).isEqualTo(3);
    assertThat(VorbisHeaders.lookup1Values(80, 4)).isEqualTo(2);
    assertThat(VorbisHeaders.lookup1Values(100, 2)).isEqualTo(10);
    assertThat(VorbisHeaders.lookup1Values(1, 1)).isEqualTo(1);
    assertThat(VorbisHeaders.lookup1Values(16_000_000, 1)).isEqualTo(16_000_000);
  }

  private static byte[] setupHeader(Bits body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {5, 'v', 'o', 'r', 'b', 'i', 's'});
    out.writeBytes(body.toBytes());
    return out.toByteArray();
  }

  /** Packs values least significant bit first, as Vorbis does. */
  private static final class Bits {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int current;
    private int used;

    Bits put(int value, int count) {
      for (int i = 0; i < count; i++) {
        current |= ((value >>> i) & 1) << used;
        if (++used == 8) {
          bytes.write(current);
          current = 0;
          used = 0;
        }
      }
      return this;
    }

    byte[] toBytes() {
      if (used > 0) {
        bytes.write(current);
      }
      return bytes.toByteArray();
    }
  }
}
