package dev.earshot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void readsABearerTokenWhateverTheSchemesCase() {
    assertThat(Credentials.of(Map.of("Authorization", "bearer  abc ")::get, q -> null))
        .contains(new Credentials.Presented("abc", Credentials.Source.AUTHORIZATION_HEADER));
    assertThat(Credentials.of(Map.of("Authorization", "Bearer abc")::get, q -> null))
        .map(Credentials.Presented::key)
        .contains("abc");
  }

  @Test
  void headersComeBeforeTheQueryAndOtherSchemesAreNotKeys() {
    assertThat(
            Credentials.of(
                Map.of("Authorization", "Basic dXNlcjpwYXNz", "X-API-Key", "k1")::get,
                Map.of("apiKey", "k2")::get))
        .contains(new Credentials.Presented("k1", Credentials.Source.API_KEY_HEADER));
    assertThat(Credentials.of(h -> null, Map.of("apiKey", "k2")::get))
        .contains(new Credentials.Presented("k2", Credentials.Source.QUERY));
    assertThat(Credentials.of(Map.of("Authorization", "Bearer ")::get, q -> null)).isEmpty();
  }
}
