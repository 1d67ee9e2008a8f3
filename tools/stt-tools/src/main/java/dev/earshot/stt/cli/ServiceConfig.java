package dev.earshot.stt.cli;

import dev.earshot.stt.config.SttConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * stt-service's configuration as the service reads it (the documented defaults, overridden by
 * {@code STT_*} environment variables and {@code -Dstt.*} properties), without starting Quarkus.
 */
final class ServiceConfig {

  private ServiceConfig() {}

  static SttConfig read() {
    return new SmallRyeConfigBuilder()
        .addDefaultSources()
        .addDefaultInterceptors()
        .withConverter(java.time.Duration.class, 200, ServiceConfig::duration)
        .withMapping(SttConfig.class)
        .build()
        .getConfigMapping(SttConfig.class);
  }

  /**
   * Durations as Quarkus reads them, so a setting means the same here as in the service: a bare
   * number is seconds, {@code 500ms}, {@code 20S}, {@code 2M}, {@code 1H}, {@code 7D}, or ISO-8601
   * ({@code PT2M}).
   */
  static java.time.Duration duration(String value) {
    String v = value.strip();
    if (v.matches("\\d+")) {
      return java.time.Duration.ofSeconds(Long.parseLong(v));
    }
    if (v.matches("(?i)\\d+ms")) {
      return java.time.Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    if (v.matches("(?i)\\d+(\\.\\d+)?d")) {
      return java.time.Duration.parse("P" + v.toUpperCase(java.util.Locale.ROOT));
    }
    if (v.matches("(?i)\\d+(\\.\\d+)?[hms]")) {
      return java.time.Duration.parse("PT" + v.toUpperCase(java.util.Locale.ROOT));
    }
    try {
      return java.time.Duration.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a duration: write e.g. 500ms, 20S, 2M, 1H, 7D or PT2M", e);
    }
  }
}
