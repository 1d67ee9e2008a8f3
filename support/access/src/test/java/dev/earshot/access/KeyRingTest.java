package dev.earshot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  @Test
  void aShortKeyStopsTheServiceNamingTheSettingButNotTheKey() {
    assertThatThrownBy(
            () ->
                KeyRing.of(
                    "results.http.read-keys",
                    Optional.of(List.of("0123456789abcdef", "change-me"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("results.http.read-keys")
        .hasMessageContaining("key 2 of 2 has 9 characters")
        .hasMessageContaining("at least 16")
        .hasMessageNotContaining("change-me");
  }

  @Test
  void acceptsOnlyTheConfiguredKeys() {
    KeyRing ring =
        KeyRing.of("k", Optional.of(List.of(" 0123456789abcdef ", "", "fedcba9876543210")));

    assertThat(ring.isEmpty()).isFalse();
    assertThat(ring.matches("0123456789abcdef")).isTrue();
    assertThat(ring.matches("fedcba9876543210")).isTrue();
    assertThat(ring.matches("0123456789abcde")).isFalse();
    assertThat(ring.matches("0123456789abcdef0")).isFalse();
    assertThat(ring.matches("")).isFalse();
    assertThat(ring.matches(null)).isFalse();
  }

  @Test
  void noKeysMatchNothing() {
    KeyRing ring = KeyRing.of("k", Optional.empty());

    assertThat(ring.isEmpty()).isTrue();
    assertThat(ring.matches("0123456789abcdef")).isFalse();
    assertThat(ring.setting()).isEqualTo("k");
  }
}
