package dev.earshot.audio.decode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Expands the paths given on a command line into the audio files to read. Files named explicitly
 * are always taken (their content decides whether they are audio); inside folders only files with
 * the extension of a format {@link AudioDecoder} reads are, so transcripts and notes next to
 * recordings are not reported as errors. A path that does not exist is reported, not thrown, so a
 * batch goes on with the others.
 */
public final class AudioFiles {

  /** Every extension of every {@link Container}, lower case, without the dot. */
  public static final Set<String> EXTENSIONS =
      Arrays.stream(Container.values())
          .flatMap(c -> c.extensions().stream())
          .collect(Collectors.toUnmodifiableSet());

  private AudioFiles() {}

  /** A path that gave no files, and why. */
  public record Problem(Path path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  /**
   * The files in a stable order (paths in the order given, each folder's files sorted), how many
   * folder entries were skipped as not audio, and the paths that could not be read.
   */
  public record Selection(List<Path> files, int skipped, List<Problem> problems) {
    public Selection {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  public static Selection expand(List<Path> paths, boolean recursive) {
    List<Path> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int skipped = 0;
    for (Path path : paths) {
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        List<Path> entries;
        try (Stream<Path> walk = recursive ? Files.walk(path) : Files.list(path)) {
          entries = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
          problems.add(new Problem(path, "cannot list the folder: " + e.getMessage()));
          continue;
        }
        for (Path entry : entries) {
          if (isHidden(path, entry) || !hasAudioExtension(entry)) {
            skipped++;
          } else {
            files.add(entry);
          }
        }
      } else {
        problems.add(
            new Problem(
                path, Files.exists(path) ? "not a file or folder" : "no such file or folder"));
      }
    }
    return new Selection(files, skipped, problems);
  }

  public static boolean hasAudioExtension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
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
