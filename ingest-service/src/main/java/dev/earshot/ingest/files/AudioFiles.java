package dev.earshot.ingest.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the paths given on the command line into the files to ingest. Files named explicitly are
 * always taken (their content decides whether they are audio); inside folders only files with an
 * audio extension are, so transcripts and notes next to recordings are not reported as errors.
 */
public final class AudioFiles {

  public static final Set<String> AUDIO_EXTENSIONS =
      Set.of("wav", "wave", "flac", "ogg", "oga", "mp3", "aif", "aiff", "aifc", "au", "snd");

  private AudioFiles() {}

  /** The files to ingest in a stable order, and how many folder entries were skipped. */
  public record Selection(List<Path> files, int skipped) {}

  public static Selection expand(List<Path> paths, boolean recursive) throws IOException {
    List<Path> files = new ArrayList<>();
    int skipped = 0;
    for (Path path : paths) {
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        List<Path> entries;
        try (Stream<Path> walk = recursive ? Files.walk(path) : Files.list(path)) {
          entries = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path entry : entries) {
          if (isHidden(path, entry) || !hasAudioExtension(entry)) {
            skipped++;
          } else {
            files.add(entry);
          }
        }
      } else {
        throw new NoSuchFileException(path.toString(), null, "no such file or folder");
      }
    }
    return new Selection(files, skipped);
  }

  static boolean hasAudioExtension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean isHidden(Path root, Path entry) {
    for (Path part : root.relativize(entry)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
