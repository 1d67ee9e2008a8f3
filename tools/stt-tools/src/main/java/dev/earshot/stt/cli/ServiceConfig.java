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
        .withMapping(SttConfig.class)
        .build()
        .getConfigMapping(SttConfig.class);
  }
}
