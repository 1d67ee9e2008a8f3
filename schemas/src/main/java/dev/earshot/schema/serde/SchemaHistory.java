package dev.earshot.schema.serde;

import dev.earshot.schema.Contracts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every contract, read from {@code dev/earshot/schema/history} on the
 * classpath, so a message written with any released version can still be decoded.
 *
 * <p>Versions are never edited or removed: a schema change adds a new file (see {@link
 * SchemaRelease}). The current generated schemas are always part of the store too.
 */
public final class SchemaHistory implements SchemaStore {

  static final String ROOT = "dev/earshot/schema/history/";
  static final String INDEX = ROOT + "index.txt";

  private static final SchemaHistory RELEASED = load(List.of());

  /** One released version of one contract. */
  public record Version(String name, int version, String resource, Schema schema) {
    public long fingerprint() {
      return SchemaNormalization.parsingFingerprint64(schema);
    }
  }

  private final List<Version> versions;
  private final Map<Long, Schema> byFingerprint;

  private SchemaHistory(List<Version> versions, Collection<Schema> extra) {
    this.versions = List.copyOf(versions);
    Map<Long, Schema> map = new LinkedHashMap<>();
    for (Version v : versions) {
      map.put(v.fingerprint(), v.schema());
    }
    for (var type : Contracts.MESSAGE_TYPES) {
      Schema current = Contracts.schemaOf(type);
      map.put(SchemaNormalization.parsingFingerprint64(current), current);
    }
    for (Schema s : extra) {
      map.put(SchemaNormalization.parsingFingerprint64(s), s);
    }
    this.byFingerprint = Map.copyOf(map);
  }

  /** The versions released with this build. */
  public static SchemaHistory released() {
    return RELEASED;
  }

  /**
   * The released versions plus schemas learnt elsewhere (for example newer versions announced by
   * upgraded producers).
   */
  public static SchemaHistory withAdditional(Collection<Schema> extra) {
    return load(extra);
  }

  @Override
  public Schema findByFingerprint(long fingerprint) {
    return byFingerprint.get(fingerprint);
  }

  public List<Version> versions() {
    return versions;
  }

  public List<Version> versionsOf(String name) {
    return versions.stream().filter(v -> v.name().equals(name)).toList();
  }

  private static SchemaHistory load(Collection<Schema> extra) {
    ClassLoader loader = SchemaHistory.class.getClassLoader();
    List<Version> versions = new ArrayList<>();
    try (InputStream index = loader.getResourceAsStream(INDEX)) {
      if (index == null) {
        throw new IllegalStateException("Schema history index " + INDEX + " is missing");
      }
      var reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        versions.add(readVersion(loader, line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema history " + INDEX, e);
    }
    return new SchemaHistory(versions, extra);
  }

  private static Version readVersion(ClassLoader loader, String path) throws IOException {
    // Lines look like "AudioChunk/v1.avsc".
    int slash = path.indexOf('/');
    if (slash < 0 || !path.matches("[A-Za-z]+/v[0-9]+\\.avsc")) {
      throw new IllegalStateException("Bad schema history entry '" + path + "' in " + INDEX);
    }
    String name = path.substring(0, slash);
    int version = Integer.parseInt(path.substring(slash + 2, path.length() - ".avsc".length()));
    try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException(
            "Schema history lists " + path + " but the file is missing");
      }
      Schema schema = new Schema.Parser().parse(in);
      return new Version(name, version, path, schema);
    }
  }
}
