package dev.earshot.classify.train;

import dev.earshot.audio.decode.AudioFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One labelled recording for training or evaluation, and the two ways users give them: a folder per
 * label ({@code DIR/<label>/*.wav}, any supported format, searched recursively) or a CSV/TSV
 * manifest of {@code file,label} rows (paths relative to the manifest's folder), optionally with a
 * {@code group} column (a header row names the columns) that keeps recordings of one speaker or
 * source together in one part of a split.
 *
 * @param group the speaker or source; empty when every file stands alone
 */
public record LabelledAudio(Path file, String label, String group) {

  public LabelledAudio {
    Objects.requireNonNull(file, "file");
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("blank label for " + file);
    }
    label = label.strip();
    group = group == null ? "" : group.strip();
  }

  public LabelledAudio(Path file, String label) {
    this(file, label, "");
  }

  /** The group used for splitting: the file itself when no group was given. */
  public String splitGroup() {
    return group.isEmpty() ? file.toString() : group;
  }

  /** A manifest when {@code source} is a .csv or .tsv file, else a folder of label folders. */
  public static List<LabelledAudio> load(Path source) throws IOException {
    String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Files.isRegularFile(source) && (name.endsWith(".csv") || name.endsWith(".tsv"))) {
      return fromManifest(source);
    }
    return fromDirectory(source);
  }

  public static List<LabelledAudio> fromDirectory(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("not a folder of label folders: " + root);
    }
    List<LabelledAudio> out = new ArrayList<>();
    try (Stream<Path> labels = Files.list(root)) {
      for (Path labelDir : labels.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.walk(labelDir)) {
          files
              .filter(Files::isRegularFile)
              .filter(LabelledAudio::isAudio)
              .sorted(Comparator.naturalOrder())
              .forEach(f -> out.add(new LabelledAudio(f, labelDir.getFileName().toString())));
        }
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no audio files under " + root + "/<label>/");
    }
    return out;
  }

  public static List<LabelledAudio> fromManifest(Path manifest) throws IOException {
    String separator = manifest.toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? "\t" : ",";
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    List<LabelledAudio> out = new ArrayList<>();
    Path base = manifest.toAbsolutePath().getParent();
    int fileColumn = 0;
    int labelColumn = 1;
    int groupColumn = -1;
    boolean header = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(separator, -1);
      for (int c = 0; c < parts.length; c++) {
        parts[c] = unquote(parts[c]);
      }
      if (header) {
        header = false;
        List<String> names = Arrays.stream(parts).map(p -> p.toLowerCase(Locale.ROOT)).toList();
        if (names.contains("file") && names.contains("label")) {
          fileColumn = names.indexOf("file");
          labelColumn = names.indexOf("label");
          groupColumn = names.indexOf("group");
          continue;
        }
      }
      if (parts.length <= Math.max(fileColumn, Math.max(labelColumn, groupColumn))) {
        throw new IOException(
            manifest + " line " + (i + 1) + ": expected file" + separator + "label, got: " + line);
      }
      Path path = base.resolve(parts[fileColumn]);
      if (!Files.isRegularFile(path)) {
        throw new IOException(manifest + " line " + (i + 1) + ": no such file " + path);
      }
      if (parts[labelColumn].isBlank()) {
        throw new IOException(manifest + " line " + (i + 1) + ": blank label");
      }
      out.add(
          new LabelledAudio(path, parts[labelColumn], groupColumn < 0 ? "" : parts[groupColumn]));
    }
    if (out.isEmpty()) {
      throw new IOException("no rows in manifest " + manifest);
    }
    return out;
  }

  /** The distinct labels, sorted, which fixes the order of every model's outputs. */
  public static List<String> labels(List<LabelledAudio> items) {
    return items.stream().map(LabelledAudio::label).distinct().sorted().toList();
  }

  private static boolean isAudio(Path file) {
    return AudioFiles.hasAudioExtension(file);
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
