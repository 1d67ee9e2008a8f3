package dev.earshot.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AssetCacheLocationTest {

  private static final String HOME = Path.of("/home/tester").toAbsolutePath().toString();

  @Test
  void prefersTheEnvironmentVariable() {
    assertThat(root(Map.of("EARSHOT_CACHE", "/srv/cache", "XDG_CACHE_HOME", "/xdg"), "/prop"))
        .isEqualTo(Path.of("/srv/cache"));
  }

  @Test
  void usesTheSystemPropertyWhenTheVariableIsUnsetOrBlank() {
    assertThat(root(Map.of("EARSHOT_CACHE", " ", "XDG_CACHE_HOME", "/xdg"), "/prop"))
        .isEqualTo(Path.of("/prop"));
  }

  @Test
  void expandsTheHomeFolder() {
    assertThat(root(Map.of("EARSHOT_CACHE", "~/models"), null)).isEqualTo(Path.of(HOME, "models"));
  }

  @Test
  void fallsBackToTheXdgCacheFolderThenToDotCache() {
    assertThat(root(Map.of("XDG_CACHE_HOME", "/xdg"), null)).isEqualTo(Path.of("/xdg/earshot"));
    assertThat(root(Map.of("XDG_CACHE_HOME", "relative/ignored"), null))
        .isEqualTo(Path.of(HOME, ".cache", "earshot"));
    assertThat(root(Map.of(), null)).isEqualTo(Path.of(HOME, ".cache", "earshot"));
  }

  private static Path root(Map<String, String> env, String property) {
    Properties properties = new Properties();
    properties.setProperty("user.home", HOME);
    if (property != null) {
      properties.setProperty(AssetCache.CACHE_PROPERTY, property);
    }
    return AssetCache.defaultRoot(env, properties);
  }
}
