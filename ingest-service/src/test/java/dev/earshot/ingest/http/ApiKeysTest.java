package dev.earshot.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.access.KeyRing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  private static final String KEY = "upload-key-0123456789";

  private static ApiKeys keys(boolean inUrl) {
    return new ApiKeys(KeyRing.of("ingest.http.api-keys", Optional.of(List.of(KEY))), inUrl);
  }

  @Test
  void aKeyInTheUrlCountsOnlyWhereTheOperatorAllowsIt() {
    Map<String, String> query = Map.of("apiKey", KEY);

    assertThat(keys(false).problemWith(h -> null, query::get))
        .contains("ingest.http.allow-key-in-url");
    assertThat(keys(true).problemWith(h -> null, query::get)).isNull();
  }

  @Test
  void withoutKeysEverythingIsRefusedNamingTheSetting() {
    ApiKeys none = new ApiKeys(KeyRing.of("ingest.http.api-keys", Optional.empty()), false);

    assertThat(none.problemWith(Map.of("X-API-Key", KEY)::get, q -> null))
        .contains("no API keys are configured (ingest.http.api-keys)");
  }
}
