package dev.earshot.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A path option that must name a file or folder that is there. Options only: picocli takes a
 * positional value it cannot convert for an unmatched argument, and says only that.
 */
public final class ExistingPath implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    try {
      Path path = Path.of(value);
      if (Files.exists(path)) {
        return path;
      }
    } catch (InvalidPathException e) {
      // Reported like a missing file: either way nothing is there.
    }
    throw new TypeConversionException("'" + value + "': no such file or folder");
  }
}
