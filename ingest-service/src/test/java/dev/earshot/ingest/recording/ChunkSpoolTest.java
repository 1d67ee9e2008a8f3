package dev.earshot.ingest.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChunkSpoolTest {

  private static EncodedChunk chunk(int sequence, int bytes, boolean last) {
    byte[] payload = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      payload[i] = (byte) (sequence * 31 + i);
    }
    return new EncodedChunk(sequence, sequence * 1000L, bytes / 2, payload, last);
  }

  @Test
  void chunksBeyondTheMemoryBoundGoToDiskAndComeBackInOrder() throws Exception {
    List<EncodedChunk> added = new ArrayList<>();
    Path spooled;
    try (ChunkSpool spool = new ChunkSpool(250)) {
      for (int i = 0; i < 10; i++) {
        EncodedChunk c = chunk(i, 100, i == 9);
        added.add(c);
        spool.add(c);
      }
      assertThat(spool.inMemory()).isEqualTo(2);
      assertThat(spool.onDisk()).isEqualTo(8);
      spooled = spoolFiles().findFirst().orElseThrow();

      List<EncodedChunk> read = new ArrayList<>();
      spool.forEach(read::add);
      assertThat(read).hasSize(10);
      for (int i = 0; i < 10; i++) {
        assertThat(read.get(i).sequence()).isEqualTo(added.get(i).sequence());
        assertThat(read.get(i).offsetSamples()).isEqualTo(added.get(i).offsetSamples());
        assertThat(read.get(i).sampleCount()).isEqualTo(added.get(i).sampleCount());
        assertThat(read.get(i).last()).isEqualTo(added.get(i).last());
        assertThat(read.get(i).payload()).containsExactly(added.get(i).payload());
      }
    }
    assertThat(spooled).doesNotExist();
  }

  private static Stream<Path> spoolFiles() throws Exception {
    return Files.list(Path.of(System.getProperty("java.io.tmpdir")))
        .filter(p -> p.getFileName().toString().startsWith("earshot-chunks-"))
        .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()));
  }
}
