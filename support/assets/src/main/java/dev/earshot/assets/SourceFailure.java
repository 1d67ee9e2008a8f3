package dev.earshot.assets;

/** Why one source of one asset did not deliver, e.g. {@code HTTP 404} or a sha256 mismatch. */
public record SourceFailure(String assetName, Source source, String reason) {

  @Override
  public String toString() {
    return assetName + " from " + source.describe() + ": " + reason;
  }
}
