package dev.earshot.schema.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which model made a part of a result: its id, the hash of its files and, for transcripts, the hash
 * of the decoding settings it ran with (absent for parts that have none).
 */
public record ModelInfo(
    String id, String version, @JsonInclude(JsonInclude.Include.NON_NULL) String settings) {

  public ModelInfo(String id, String version) {
    this(id, version, null);
  }

  /**
   * What tells two runs of the model apart: the files' version and the settings; a part with
   * another revision supersedes the old one.
   */
  @JsonIgnore
  public String revision() {
    return settings == null ? version : version + "+" + settings;
  }

  /** {@code id@version}, as people name a model version on the command line. */
  @Override
  public String toString() {
    return id + "@" + version;
  }
}
