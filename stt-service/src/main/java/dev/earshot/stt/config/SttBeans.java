package dev.earshot.stt.config;

import dev.earshot.assets.AssetCache;
import dev.earshot.stt.model.ModelHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Builds the plain STT classes from configuration; invalid values fail start-up. */
@ApplicationScoped
public class SttBeans {

  @Produces
  @Singleton
  SttSettings settings(SttConfig config) {
    return SttSettings.from(config);
  }

  /** Starts loading the model when the service first needs it (the consumer, readiness). */
  @Produces
  @Singleton
  ModelHolder models(SttSettings settings, SttConfig config) {
    return ModelHolder.start(settings, () -> cache(config));
  }

  void close(@Disposes ModelHolder models) {
    models.close();
  }

  public static AssetCache cache(SttConfig config) {
    return config
        .model()
        .cache()
        .map(dir -> new AssetCache(Path.of(dir)))
        .orElseGet(AssetCache::atDefaultLocation);
  }
}
