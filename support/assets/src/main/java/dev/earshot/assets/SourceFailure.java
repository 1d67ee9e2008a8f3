package dev.earshot.assets;

/** Why one source of one asset did not deliver, e.g. {@code HTTP 404} or a sha256 mismatch. */
public record SourceFailure(String assetName, Source source, String reason) {

  /**
   * Whether the source was not even tried, because its host failed moments ago (that failure was
   * reported already).
   */
  public boolean skipped() {
    return reason.startsWith(Downloader.SKIPPED);
  }

  @Override
  public String toString() {
    return assetName + " from " + source.describe() + ": " + reason;
  }
}
