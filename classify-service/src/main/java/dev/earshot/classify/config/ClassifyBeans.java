package dev.earshot.classify.config;

import dev.earshot.assets.AssetCache;
import dev.earshot.classify.service.ClassifierHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Builds the plain classification classes from configuration; invalid values fail start-up. */
@ApplicationScoped
public class ClassifyBeans {

  @Produces
  @Singleton
  ClassifySettings settings(ClassifyConfig config) {
    return ClassifySettings.from(config);
  }

  @Produces
  @Singleton
  ClassifierHolder classifiers(ClassifySettings settings) {
    return ClassifierHolder.start(settings, () -> cache(settings));
  }

  void close(@Disposes ClassifierHolder holder) {
    holder.close();
  }

  public static AssetCache cache(ClassifySettings settings) {
    return settings
        .cache()
        .map(dir -> new AssetCache(Path.of(dir)))
        .orElseGet(AssetCache::atDefaultLocation);
  }
}
