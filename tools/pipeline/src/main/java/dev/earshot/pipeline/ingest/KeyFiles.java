package dev.earshot.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Keys handed to the tools in files, so they never appear on a command line. */
public final class KeyFiles {

  private KeyFiles() {}

  /**
   * The first line of {@code file}, stripped.
   *
   * @param option the option that named the file, for messages
   * @throws IOException naming the option and the file when it is missing or empty
   */
  public static String read(Path file, String option) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IOException(option + ": no such file: " + file, e);
    }
    String key = text.lines().findFirst().orElse("").strip();
    if (key.isEmpty()) {
      throw new IOException(option + ": " + file + " holds no key");
    }
    return key;
  }
}
