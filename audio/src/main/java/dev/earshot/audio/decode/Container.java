package dev.earshot.audio.decode;

/** The file formats {@link AudioDecoder} recognises and decodes. */
public enum Container {
  WAV("WAV"),
  FLAC("FLAC"),
  OGG_VORBIS("OGG"),
  MP3("MP3"),
  AIFF("AIFF"),
  AU("AU");

  private final String label;

  Container(String label) {
    this.label = label;
  }

  /** Short name for messages, e.g. "OGG" for {@link #OGG_VORBIS}. */
  public String label() {
    return label;
  }
}
