package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class Int8WeightsTest {

  @Test
  void onlyX86CpusWithVnniGetSignedWeights() {
    assertThat(Int8Weights.choose("amd64", Set.of("avx2", "avx512f", "avx512_vnni")))
        .isEqualTo(Int8Weights.SIGNED);
    assertThat(Int8Weights.choose("amd64", Set.of("avx2", "avx_vnni")))
        .isEqualTo(Int8Weights.SIGNED);
    assertThat(Int8Weights.choose("amd64", Set.of("avx2", "avx512f", "avx512bw")))
        .as("AVX-512 without VNNI saturates uint8 x int8 sums")
        .isEqualTo(Int8Weights.UNSIGNED);
    assertThat(Int8Weights.choose("aarch64", Set.of("avx512_vnni")))
        .isEqualTo(Int8Weights.UNSIGNED);
    assertThat(Int8Weights.choose("amd64", Set.of())).isEqualTo(Int8Weights.UNSIGNED);
  }

  @Test
  void theChoiceCanBeForcedAndABadOneIsNamed() {
    String before = System.getProperty(Int8Weights.PROPERTY);
    try {
      System.setProperty(Int8Weights.PROPERTY, "unsigned");
      assertThat(Int8Weights.forThisMachine()).isEqualTo(Int8Weights.UNSIGNED);
      System.setProperty(Int8Weights.PROPERTY, "SIGNED");
      assertThat(Int8Weights.forThisMachine()).isEqualTo(Int8Weights.SIGNED);
      System.setProperty(Int8Weights.PROPERTY, "fast");
      assertThatThrownBy(Int8Weights::forThisMachine)
          .hasMessageContaining(Int8Weights.PROPERTY)
          .hasMessageContaining("'fast'");
    } finally {
      if (before == null) {
        System.clearProperty(Int8Weights.PROPERTY);
      } else {
        System.setProperty(Int8Weights.PROPERTY, before);
      }
    }
  }
}
