package dev.earshot.classify.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.classify.model.ClassifierArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifiers shipped with the service. {@code sound-type} is a trained head inside the service
 * jar, built by {@code ./earshot classify build-defaults}; it is copied out once into the cache, in
 * a folder named by its version, and checked there like any artifact. {@code digits} is a word
 * spotter over Whisper's decoder ({@link dev.earshot.classify.whisper.WordSpotter}), which needs no
 * files of its own.
 */
public final class BuiltinModels {

  /** Where in the jar: {@code dev/earshot/classify/builtin/<name>/manifest.json} and files. */
  public static final String RESOURCES = "dev/earshot/classify/builtin/";

  public static final List<String> NAMES = List.of("sound-type", "digits");

  /** The built-ins that are word spotters rather than trained models. */
  public static final List<String> SPOTTERS = List.of("digits");

  private BuiltinModels() {}

  /** The folder in the source tree the build command writes to. */
  public static Path sourceFolder(Path projectRoot, String name) {
    return projectRoot.resolve("classify-service/src/main/resources/" + RESOURCES + name);
  }

  /** Copies the built-in {@code name} into {@code cacheRoot/classifiers/} when missing. */
  public static Path materialise(String name, Path cacheRoot) throws IOException {
    String base = RESOURCES + name + "/";
    JsonNode manifest;
    try (InputStream in = resource(base + ClassifierArtifact.MANIFEST, name)) {
      manifest = new ObjectMapper().readTree(in);
    }
    String version = manifest.path("version").asText().replace("sha256:", "");
    Path folder = cacheRoot.resolve("classifiers").resolve(name).resolve(version);
    List<String> files = new ArrayList<>();
    manifest.path("files").fieldNames().forEachRemaining(files::add);
    files.add(ClassifierArtifact.MANIFEST);
    Files.createDirectories(folder);
    for (String file : files) {
      Path target = folder.resolve(file);
      if (!Files.isRegularFile(target)) {
        Path temp = Files.createTempFile(folder, file, ".part");
        try (InputStream in = resource(base + file, name)) {
          Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    }
    return folder;
  }

  private static InputStream resource(String path, String name) throws IOException {
    InputStream in = BuiltinModels.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException(
          "no built-in classifier '"
              + name
              + "' (missing "
              + path
              + "); built-in ones are "
              + NAMES);
    }
    return in;
  }
}
