package dev.earshot.assets;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Files fetched into one folder, each at its {@link Asset#fileName() relative path}, e.g. a Whisper
 * model folder with {@code config.json} and {@code onnx/encoder_model_quantized.onnx}.
 */
public record AssetGroup(String name, String description, List<Asset> assets)
    implements CatalogEntry {

  public AssetGroup {
    Checks.name(name, "group name");
    description = Objects.requireNonNullElse(description, "");
    assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
    if (assets.isEmpty()) {
      throw new IllegalArgumentException("Group " + name + " has no asset");
    }
    Set<String> seen = new HashSet<>();
    for (Asset asset : assets) {
      if (!seen.add(asset.fileName())) {
        throw new IllegalArgumentException(
            "Group " + name + " lists " + asset.fileName() + " twice");
      }
    }
  }

  @Override
  public List<Asset> files() {
    return assets;
  }
}
