package dev.earshot.schema.result;

/** Which model made a part of a result: its id and the hash of its files. */
public record ModelInfo(String id, String version) {

  /** {@code id@version}, as people name a model version on the command line. */
  @Override
  public String toString() {
    return id + "@" + version;
  }
}
