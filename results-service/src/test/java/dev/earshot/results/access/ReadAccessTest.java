package dev.earshot.results.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.access.Credentials;
import dev.earshot.access.KeyRing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadAccessTest {

  private static final String READ = "read-key-0123456789";
  private static final String OTHER_READ = "read-key-abcdefghij";
  private static final String INSTANCE = "instance-key-0123456789";
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private final ReadAccess access = access(List.of(READ, OTHER_READ), false);

  private static ReadAccess access(List<String> readKeys, boolean inUrl) {
    return new ReadAccess(
        KeyRing.of("results.http.read-keys", Optional.of(readKeys)),
        KeyRing.of("results.http.internal-key", Optional.of(List.of(INSTANCE))),
        inUrl,
        Duration.ofHours(12));
  }

  private ReadAccess.Verdict judge(String key, Credentials.Source source) {
    return access.judge(Optional.of(new Credentials.Presented(key, source)), Optional.empty(), NOW);
  }

  @Test
  void aReadKeyReadsAndTheInstanceKeyOnlyAsksOtherInstances() {
    assertThat(judge(READ, Credentials.Source.AUTHORIZATION_HEADER))
        .isEqualTo(new ReadAccess.Verdict.Granted("reader", Set.of(ReadAccess.READ)));
    assertThat(judge(OTHER_READ, Credentials.Source.API_KEY_HEADER))
        .isEqualTo(new ReadAccess.Verdict.Granted("reader", Set.of(ReadAccess.READ)));
    assertThat(judge(INSTANCE, Credentials.Source.AUTHORIZATION_HEADER))
        .isEqualTo(new ReadAccess.Verdict.Granted("instance", Set.of(ReadAccess.INTERNAL)));
    assertThat(judge("upload-key-0123456789", Credentials.Source.AUTHORIZATION_HEADER))
        .isEqualTo(new ReadAccess.Verdict.Refused("invalid key"));
    assertThat(access.judge(Optional.empty(), Optional.empty(), NOW))
        .isInstanceOf(ReadAccess.Verdict.Anonymous.class);
  }

  @Test
  void aKeyInTheUrlIsRefusedUnlessTheOperatorAllowsIt() {
    assertThat(judge(READ, Credentials.Source.QUERY))
        .isInstanceOf(ReadAccess.Verdict.Refused.class)
        .extracting(v -> ((ReadAccess.Verdict.Refused) v).reason())
        .asString()
        .contains("results.http.allow-key-in-url");
    assertThat(
            access(List.of(READ), true)
                .judge(
                    Optional.of(new Credentials.Presented(READ, Credentials.Source.QUERY)),
                    Optional.empty(),
                    NOW))
        .isInstanceOf(ReadAccess.Verdict.Granted.class);
  }

  @Test
  void aSessionLastsItsLengthAndEndsWithItsKey() {
    String session = access.session(OTHER_READ, NOW);

    assertThat(session).doesNotContain(OTHER_READ);
    assertThat(access.judge(Optional.empty(), Optional.of(session), NOW.plusSeconds(3600)))
        .isEqualTo(new ReadAccess.Verdict.Granted("dashboard", Set.of(ReadAccess.READ)));
    // Expired, tampered with, or made with a key that is no longer configured: no session.
    assertThat(access.judge(Optional.empty(), Optional.of(session), NOW.plus(Duration.ofHours(12))))
        .isInstanceOf(ReadAccess.Verdict.Anonymous.class);
    String later = (NOW.getEpochSecond() + 86_400 * 30) + session.substring(session.indexOf('.'));
    assertThat(access.judge(Optional.empty(), Optional.of(later), NOW))
        .isInstanceOf(ReadAccess.Verdict.Anonymous.class);
    assertThat(access(List.of(READ), false).judge(Optional.empty(), Optional.of(session), NOW))
        .isInstanceOf(ReadAccess.Verdict.Anonymous.class);
    assertThat(access.judge(Optional.empty(), Optional.of("garbage"), NOW))
        .isInstanceOf(ReadAccess.Verdict.Anonymous.class);
    assertThat(access.canLogIn(READ)).isTrue();
    assertThat(access.canLogIn(INSTANCE)).isFalse();
  }

  @Test
  void aShortKeyStopsTheServiceNamingItsSetting() {
    assertThatThrownBy(() -> access(List.of("change-me"), false))
        .hasMessageContaining("results.http.read-keys")
        .hasMessageContaining("at least 16");
  }
}
