package dev.earshot.schema.serde;

import dev.earshot.schema.Contracts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Adds the current version of every changed contract to the schema history. Run it after changing
 * an {@code .avsc} file: {@code ./mvnw -q -pl schemas compile exec:java}.
 */
public final class SchemaRelease {

  private SchemaRelease() {}

  public static void main(String[] args) throws IOException {
    Path root =
        Path.of(args.length > 0 ? args[0] : "src/main/resources").resolve(SchemaHistory.ROOT);
    SchemaHistory history = SchemaHistory.released();
    for (var type : Contracts.MESSAGE_TYPES) {
      Schema current = Contracts.schemaOf(type);
      long fingerprint = SchemaNormalization.parsingFingerprint64(current);
      var versions = history.versionsOf(current.getName());
      if (versions.stream().anyMatch(v -> v.fingerprint() == fingerprint)) {
        continue;
      }
      int next = versions.stream().mapToInt(SchemaHistory.Version::version).max().orElse(0) + 1;
      String entry = current.getName() + "/v" + next + ".avsc";
      Path file = root.resolve(entry);
      Files.createDirectories(file.getParent());
      Files.writeString(file, current.toString(true) + "\n", StandardCharsets.UTF_8);
      Files.writeString(
          root.resolve("index.txt"),
          entry + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      System.out.printf("released %s (fingerprint %016x)%n", entry, fingerprint);
    }
  }
}
