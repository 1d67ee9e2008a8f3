package dev.earshot.classify.data;

import java.nio.file.Path;

/**
 * The source and group of a real recording, from where it lies in the {@link Library}: a KTuberling
 * word belongs to its language's speaker, a Hedgewars voice line to its pack, a music piece to its
 * track, a sample to its file.
 *
 * @param file the path inside its package folder, for the manifest
 */
record Origin(String source, String group, String file) {

  static Origin of(Library library, Path path) {
    if (path.startsWith(library.ktuberling())) {
      Path rel = library.ktuberling().relativize(path);
      return new Origin("ktuberling", "ktuberling/" + rel.getName(0), rel.toString());
    }
    if (path.startsWith(library.hedgewars().resolve("Sounds/voices"))) {
      Path rel = library.hedgewars().resolve("Sounds/voices").relativize(path);
      return new Origin("hedgewars-voice", "hedgewars-voice/" + rel.getName(0), rel.toString());
    }
    if (path.startsWith(library.hedgewars().resolve("Music"))) {
      String stem = Library.stem(path);
      return new Origin(
          "hedgewars-music", "hedgewars-music/" + stem, "Music/" + path.getFileName());
    }
    if (path.startsWith(library.hedgewars())) {
      String rel = library.hedgewars().relativize(path).toString();
      return new Origin("hedgewars-sfx", "hedgewars-sfx/" + Library.stem(path), rel);
    }
    if (path.startsWith(library.lmms())) {
      String rel = library.lmms().relativize(path).toString();
      return new Origin("lmms", "lmms/" + rel.replaceFirst("\\.[^.]+$", ""), rel);
    }
    if (path.startsWith(library.freedesktop())) {
      String name = path.getFileName().toString();
      // The channel names are one voice; the event sounds are each their own source.
      String group =
          name.startsWith("audio-channel-")
              ? "freedesktop/voice"
              : "freedesktop/" + Library.stem(path);
      return new Origin("freedesktop", group, name);
    }
    if (path.startsWith(library.alsa())) {
      String name = path.getFileName().toString();
      return new Origin("alsa", name.startsWith("Noise") ? "alsa/noise" : "alsa/voice", name);
    }
    if (path.startsWith(library.librivox())) {
      // Five utterances of one reader.
      return new Origin("librivox", "librivox/reader", path.getFileName().toString());
    }
    if (path.startsWith(library.commands())) {
      String rel = library.commands().relativize(path).toString();
      return new Origin(
          "pocketsphinx",
          "pocketsphinx/" + rel.replaceFirst("/.*", "").replaceFirst("\\..*", ""),
          rel);
    }
    if (path.equals(library.jfk())) {
      return new Origin("jfk", "jfk", "jfk.wav");
    }
    return new Origin("file", "file/" + path.getFileName(), path.toString());
  }
}
