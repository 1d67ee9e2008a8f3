package dev.earshot.audio.decode;

import java.util.List;

/**
 * The file formats {@link AudioDecoder} recognises and decodes. The decoder goes by content; the
 * extensions only say which files in a folder are worth opening.
 */
public enum Container {
  WAV("WAV", "wav", "wave"),
  FLAC("FLAC", "flac"),
  OGG_VORBIS("OGG", "ogg", "oga"),
  MP3("MP3", "mp3"),
  AIFF("AIFF", "aif", "aiff", "aifc"),
  AU("AU", "au", "snd");

  private final String label;
  private final List<String> extensions;

  Container(String label, String... extensions) {
    this.label = label;
    this.extensions = List.of(extensions);
  }

  /** Lower-case file name extensions, without the dot. */
  public List<String> extensions() {
    return extensions;
  }

  /** Short name for messages, e.g. "OGG" for {@link #OGG_VORBIS}. */
  public String label() {
    return label;
  }
}
