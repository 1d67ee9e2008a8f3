package dev.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

  @Test
  void thisJvmHoldsMoreThanTheHeapItJustFilledAndItsPeakIsAtLeastNow() {
    Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/status")), "Linux only");
    byte[][] blocks = new byte[64][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new byte[1 << 20];
      blocks[i][i] = 1;
    }
    ResidentMemory memory = ResidentMemory.self();

    assertThat(memory.now().orElseThrow()).isGreaterThan(64L << 20);
    assertThat(memory.peak().orElseThrow()).isGreaterThanOrEqualTo(memory.now().orElseThrow());
    assertThat(blocks[63][63]).isEqualTo((byte) 1);
  }

  @Test
  void aProcessThatIsNotThereHasNoFigures() {
    ResidentMemory memory = ResidentMemory.of(Long.MAX_VALUE);

    assertThat(memory.peak()).isEmpty();
    assertThat(memory.now()).isEmpty();
  }
}
