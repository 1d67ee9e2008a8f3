package dev.earshot.pipeline.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.pipeline.TopicTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What changed in the recording results after a replay: results-service writes a new result for a
 * recording whenever a part of it is redone, and leaves the old one on the topic, so comparing a
 * recording's results shows what a new model version changed.
 */
public final class ResultChanges {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Beyond this many alignment cells, words removed and added are counted without an alignment. */
  static final long ALIGNMENT_CELLS = 20_000_000L;

  private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final int LISTED_WORDS = 20;

  private ResultChanges() {}

  /**
   * Which results of a recording to compare.
   *
   * <p>Without versions: the recording's first result against its latest. With {@code fromVersion}:
   * the latest result made with that version of {@code part} is the old side; with {@code
   * toVersion}, the latest made with that version is the new side. A result is made with a version
   * when every model listed for the part has it; a version may be given as {@code version} or
   * {@code id@version}. Results made with a mix of versions (a recording replayed halfway)
   * therefore belong to neither side.
   *
   * @param part when given, only recordings whose models for this part differ are reported
   */
  public record Options(
      Optional<String> part, Optional<String> fromVersion, Optional<String> toVersion) {

    public Options {
      if (part.isEmpty() && (fromVersion.isPresent() || toVersion.isPresent())) {
        throw new IllegalArgumentException("a version needs a part (e.g. transcript) to apply to");
      }
      if (fromVersion.isPresent() && fromVersion.equals(toVersion)) {
        throw new IllegalArgumentException("from and to versions are both " + fromVersion.get());
      }
    }

    /** Every recording's first result against its latest. */
    public static Options firstToLatest() {
      return new Options(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  public record ModelRef(String id, String version) {
    @Override
    public String toString() {
      return id + "@" + version;
    }
  }

  /** A part whose models differ; a side lists nothing when that result has no such part. */
  public record PartChange(String part, List<ModelRef> from, List<ModelRef> to) {}

  /**
   * A word-level alignment of a new transcript against the old one, which is the reference.
   *
   * @param referenceWords words in the old transcript, after lower-casing and removing punctuation
   * @param removed old words the new transcript lost or replaced, in order
   * @param added new words that were inserted or replaced old ones, in order
   */
  public record WordDiff(
      int referenceWords,
      int substitutions,
      int deletions,
      int insertions,
      List<String> removed,
      List<String> added) {

    /**
     * Word error rate of the new transcript against the old: (S + D + I) / N. It exceeds 1 when the
     * new transcript adds more words than the old had, and is undefined (empty) when the old
     * transcript has no words but the new one has.
     */
    public Optional<Double> wer() {
      int errors = substitutions + deletions + insertions;
      if (referenceWords == 0) {
        return errors == 0 ? Optional.of(0.0) : Optional.empty();
      }
      return Optional.of((double) errors / referenceWords);
    }
  }

  /**
   * @param changed whether the texts differ at all; a change of case or punctuation only counts,
   *     and shows as a word error rate of 0
   */
  public record TranscriptChange(String from, String to, boolean changed, WordDiff diff) {}

  /** A predicted label on each side; null where that result has none. */
  public record LabelChange(String from, Double fromConfidence, String to, Double toConfidence) {
    public boolean changed() {
      return !Objects.equals(from, to);
    }
  }

  /**
   * The change in one recording between two of its results.
   *
   * @param classifiers every classifier either result has, by name
   */
  public record Change(
      String recordingId,
      String file,
      String fromUpdatedAt,
      String toUpdatedAt,
      String fromStatus,
      String toStatus,
      List<PartChange> models,
      TranscriptChange transcript,
      LabelChange label,
      Map<String, LabelChange> classifiers) {

    public boolean labelsChanged() {
      return label.changed() || classifiers.values().stream().anyMatch(LabelChange::changed);
    }
  }

  /**
   * @param results results read, including unreadable ones
   * @param unreadable results that were not JSON objects with a recording_id; they are skipped
   * @param recordings distinct recordings among the readable results
   * @param compared recordings with two different results to compare under the options
   * @param changes the compared recordings whose model versions differ, in order of first result
   */
  public record Report(
      Options options,
      int results,
      int unreadable,
      int recordings,
      int compared,
      int transcriptsChanged,
      int labelsChanged,
      List<Change> changes) {}

  private record Label(String label, Double confidence) {
    static final Label NONE = new Label(null, null);
  }

  private record Result(
      int index,
      String recordingId,
      String file,
      String status,
      String transcription,
      Label label,
      Map<String, Label> classifiers,
      Map<String, List<ModelRef>> models,
      String updatedAt) {}

  /** Compares every recording's first result with its latest. */
  public static Report compare(List<String> results) {
    return compare(results, Options.firstToLatest());
  }

  /**
   * Compares the results of each recording.
   *
   * @param results recording results as JSON, in topic order: each recording's results in the order
   *     they were written
   */
  public static Report compare(List<String> results, Options options) {
    Map<String, List<Result>> byRecording = new LinkedHashMap<>();
    int unreadable = 0;
    for (int i = 0; i < results.size(); i++) {
      Optional<Result> result = parse(i, results.get(i));
      if (result.isEmpty()) {
        unreadable++;
        continue;
      }
      byRecording
          .computeIfAbsent(result.get().recordingId(), id -> new ArrayList<>())
          .add(result.get());
    }

    int compared = 0;
    int transcripts = 0;
    int labels = 0;
    List<Change> changes = new ArrayList<>();
    for (List<Result> recording : byRecording.values()) {
      Optional<Result> from =
          options.fromVersion().isPresent()
              ? latestMadeWith(recording, options.part().get(), options.fromVersion().get())
              : Optional.of(recording.get(0));
      Optional<Result> to =
          options.toVersion().isPresent()
              ? latestMadeWith(recording, options.part().get(), options.toVersion().get())
              : Optional.of(recording.get(recording.size() - 1));
      if (from.isEmpty() || to.isEmpty() || from.get().index() == to.get().index()) {
        continue;
      }
      compared++;
      List<PartChange> models = modelChanges(from.get(), to.get(), options.part());
      if (models.isEmpty()) {
        continue;
      }
      Change change = change(from.get(), to.get(), models);
      changes.add(change);
      if (change.transcript().changed()) {
        transcripts++;
      }
      if (change.labelsChanged()) {
        labels++;
      }
    }
    return new Report(
        options,
        results.size(),
        unreadable,
        byRecording.size(),
        compared,
        transcripts,
        labels,
        changes);
  }

  private static Optional<Result> latestMadeWith(
      List<Result> recording, String part, String version) {
    Result latest = null;
    for (Result r : recording) {
      List<ModelRef> refs = r.models().getOrDefault(part, List.of());
      boolean madeWith =
          !refs.isEmpty()
              && refs.stream()
                  .allMatch(m -> m.version().equals(version) || m.toString().equals(version));
      if (madeWith) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest);
  }

  private static List<PartChange> modelChanges(Result from, Result to, Optional<String> only) {
    Set<String> parts = new TreeSet<>(from.models().keySet());
    parts.addAll(to.models().keySet());
    List<PartChange> changes = new ArrayList<>();
    for (String part : parts) {
      if (only.isPresent() && !only.get().equals(part)) {
        continue;
      }
      List<ModelRef> a = from.models().getOrDefault(part, List.of());
      List<ModelRef> b = to.models().getOrDefault(part, List.of());
      // The lists follow the order chunks were done in, which says nothing about the models.
      if (!new LinkedHashSet<>(a).equals(new LinkedHashSet<>(b))) {
        changes.add(new PartChange(part, a, b));
      }
    }
    return changes;
  }

  private static Change change(Result from, Result to, List<PartChange> models) {
    String a = Objects.requireNonNullElse(from.transcription(), "");
    String b = Objects.requireNonNullElse(to.transcription(), "");
    TranscriptChange transcript =
        new TranscriptChange(a, b, !a.strip().equals(b.strip()), wordDiff(a, b));
    Set<String> names = new TreeSet<>(from.classifiers().keySet());
    names.addAll(to.classifiers().keySet());
    Map<String, LabelChange> classifiers = new LinkedHashMap<>();
    for (String name : names) {
      classifiers.put(
          name,
          labelChange(
              from.classifiers().getOrDefault(name, Label.NONE),
              to.classifiers().getOrDefault(name, Label.NONE)));
    }
    return new Change(
        to.recordingId(),
        to.file() != null ? to.file() : from.file(),
        from.updatedAt(),
        to.updatedAt(),
        from.status(),
        to.status(),
        models,
        transcript,
        labelChange(from.label(), to.label()),
        classifiers);
  }

  private static LabelChange labelChange(Label from, Label to) {
    return new LabelChange(from.label(), from.confidence(), to.label(), to.confidence());
  }

  private static Optional<Result> parse(int index, String json) {
    if (json == null) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject() || text(node, "recording_id") == null) {
      return Optional.empty();
    }
    Map<String, Label> classifiers = new LinkedHashMap<>();
    node.path("classifiers")
        .properties()
        .forEach(e -> classifiers.put(e.getKey(), label(e.getValue())));
    Map<String, List<ModelRef>> models = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> part : node.path("models").properties()) {
      List<ModelRef> refs = new ArrayList<>();
      // Tolerate a part written as one model instead of a list of them.
      JsonNode value = part.getValue();
      for (JsonNode ref : value.isObject() ? List.of(value) : value) {
        refs.add(new ModelRef(text(ref, "id"), text(ref, "version")));
      }
      if (!refs.isEmpty()) {
        models.put(part.getKey(), List.copyOf(refs));
      }
    }
    return Optional.of(
        new Result(
            index,
            text(node, "recording_id"),
            text(node, "file"),
            text(node, "status"),
            text(node, "transcription"),
            label(node),
            classifiers,
            models,
            text(node, "updated_at")));
  }

  private static Label label(JsonNode node) {
    JsonNode confidence = node.get("confidence");
    return new Label(
        text(node, "predicted_label"),
        confidence != null && confidence.isNumber() ? confidence.asDouble() : null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The words of a transcript as word error rates count them: lower case, no punctuation. */
  static List<String> words(String text) {
    String normalized = PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").strip();
    return normalized.isEmpty() ? List.of() : List.of(SPACES.split(normalized));
  }

  /**
   * Aligns the new transcript's words against the old's (the reference) by Levenshtein distance.
   */
  /** Word-level difference of a new transcript against the old one (the reference). */
  public static WordDiff wordDiff(String oldText, String newText) {
    return wordDiff(words(oldText), words(newText), ALIGNMENT_CELLS);
  }

  static WordDiff wordDiff(List<String> ref, List<String> hyp, long maxCells) {
    // A shared prefix and suffix are matches in some minimal alignment; a replay usually changes
    // a few words of a long transcript, so this keeps the table small.
    int prefix = 0;
    while (prefix < ref.size() && prefix < hyp.size() && ref.get(prefix).equals(hyp.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < ref.size() - prefix
        && suffix < hyp.size() - prefix
        && ref.get(ref.size() - 1 - suffix).equals(hyp.get(hyp.size() - 1 - suffix))) {
      suffix++;
    }
    List<String> r = ref.subList(prefix, ref.size() - suffix);
    List<String> h = hyp.subList(prefix, hyp.size() - suffix);
    if ((long) (r.size() + 1) * (h.size() + 1) <= maxCells) {
      return aligned(ref.size(), r, h);
    }
    return counted(ref.size(), r, h);
  }

  private static final byte MATCH = 0;
  private static final byte SUBSTITUTE = 1;
  private static final byte DELETE = 2;
  private static final byte INSERT = 3;

  private static WordDiff aligned(int referenceWords, List<String> r, List<String> h) {
    int n = r.size();
    int m = h.size();
    int cols = m + 1;
    byte[] step = new byte[(n + 1) * cols];
    int[] prev = new int[cols];
    int[] cur = new int[cols];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
      step[j] = INSERT;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      step[i * cols] = DELETE;
      for (int j = 1; j <= m; j++) {
        // Ties go to the diagonal, then to deletion, so the breakdown is deterministic.
        boolean same = r.get(i - 1).equals(h.get(j - 1));
        int best = prev[j - 1] + (same ? 0 : 1);
        byte how = same ? MATCH : SUBSTITUTE;
        if (prev[j] + 1 < best) {
          best = prev[j] + 1;
          how = DELETE;
        }
        if (cur[j - 1] + 1 < best) {
          best = cur[j - 1] + 1;
          how = INSERT;
        }
        cur[j] = best;
        step[i * cols + j] = how;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }

    int s = 0;
    int d = 0;
    int ins = 0;
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      byte how = step[i * cols + j];
      switch (how) {
        case MATCH -> {
          i--;
          j--;
        }
        case SUBSTITUTE -> {
          s++;
          removed.add(r.get(--i));
          added.add(h.get(--j));
        }
        case DELETE -> {
          d++;
          removed.add(r.get(--i));
        }
        default -> {
          ins++;
          added.add(h.get(--j));
        }
      }
    }
    Collections.reverse(removed);
    Collections.reverse(added);
    return new WordDiff(referenceWords, s, d, ins, List.copyOf(removed), List.copyOf(added));
  }

  /**
   * The same counts as {@link #aligned} in linear memory, for transcripts too long to keep an
   * alignment of; words removed and added are then the difference of the two bags of words.
   */
  private static WordDiff counted(int referenceWords, List<String> r, List<String> h) {
    int m = h.size();
    int[] prevD = new int[m + 1];
    int[] prevS = new int[m + 1];
    int[] prevDel = new int[m + 1];
    int[] prevIns = new int[m + 1];
    int[] curD = new int[m + 1];
    int[] curS = new int[m + 1];
    int[] curDel = new int[m + 1];
    int[] curIns = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prevD[j] = j;
      prevIns[j] = j;
    }
    for (int i = 1; i <= r.size(); i++) {
      curD[0] = i;
      curS[0] = 0;
      curDel[0] = i;
      curIns[0] = 0;
      for (int j = 1; j <= m; j++) {
        boolean same = r.get(i - 1).equals(h.get(j - 1));
        int best = prevD[j - 1] + (same ? 0 : 1);
        int s = prevS[j - 1] + (same ? 0 : 1);
        int del = prevDel[j - 1];
        int ins = prevIns[j - 1];
        if (prevD[j] + 1 < best) {
          best = prevD[j] + 1;
          s = prevS[j];
          del = prevDel[j] + 1;
          ins = prevIns[j];
        }
        if (curD[j - 1] + 1 < best) {
          best = curD[j - 1] + 1;
          s = curS[j - 1];
          del = curDel[j - 1];
          ins = curIns[j - 1] + 1;
        }
        curD[j] = best;
        curS[j] = s;
        curDel[j] = del;
        curIns[j] = ins;
      }
      int[] t = prevD;
      prevD = curD;
      curD = t;
      t = prevS;
      prevS = curS;
      curS = t;
      t = prevDel;
      prevDel = curDel;
      curDel = t;
      t = prevIns;
      prevIns = curIns;
      curIns = t;
    }
    return new WordDiff(
        referenceWords, prevS[m], prevDel[m], prevIns[m], bagMinus(r, h), bagMinus(h, r));
  }

  private static List<String> bagMinus(List<String> words, List<String> others) {
    Map<String, Integer> left = new HashMap<>();
    others.forEach(w -> left.merge(w, 1, Integer::sum));
    List<String> rest = new ArrayList<>();
    for (String w : words) {
      if (left.getOrDefault(w, 0) > 0) {
        left.merge(w, -1, Integer::sum);
      } else {
        rest.add(w);
      }
    }
    return List.copyOf(rest);
  }

  /** The report for people. */
  public static String render(Report report) {
    StringBuilder out = new StringBuilder();
    Options o = report.options();
    if (o.fromVersion().isPresent() || o.toVersion().isPresent()) {
      out.append("Comparing ")
          .append(o.part().get())
          .append(" results made with ")
          .append(o.fromVersion().map(v -> "version " + v).orElse("the first result"))
          .append(" to ")
          .append(o.toVersion().map(v -> "version " + v).orElse("the latest result"))
          .append('\n');
    } else if (o.part().isPresent()) {
      out.append("Comparing each recording's first result to its latest, where the ")
          .append(o.part().get())
          .append(" models differ\n");
    } else {
      out.append("Comparing each recording's first result to its latest\n");
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d results, %d recordings, %d compared: %d with other model versions,"
                + " %d changed transcripts, %d changed labels%n",
            report.results(),
            report.recordings(),
            report.compared(),
            report.changes().size(),
            report.transcriptsChanged(),
            report.labelsChanged()));
    if (report.unreadable() > 0) {
      out.append(report.unreadable()).append(" results were not readable and were skipped\n");
    }
    for (Change c : report.changes()) {
      out.append('\n').append("recording ").append(c.recordingId());
      if (c.file() != null) {
        out.append(" (").append(c.file()).append(')');
      }
      out.append('\n');
      out.append("  results: ")
          .append(orNone(c.fromUpdatedAt()))
          .append(" -> ")
          .append(orNone(c.toUpdatedAt()))
          .append('\n');
      if (!Objects.equals(c.fromStatus(), c.toStatus())) {
        out.append("  status: ")
            .append(orNone(c.fromStatus()))
            .append(" -> ")
            .append(orNone(c.toStatus()))
            .append('\n');
      }
      for (PartChange p : c.models()) {
        out.append("  model ")
            .append(p.part())
            .append(": ")
            .append(refs(p.from()))
            .append(" -> ")
            .append(refs(p.to()))
            .append('\n');
      }
      renderTranscript(out, c.transcript());
      if (!c.labelsChanged()) {
        out.append("  labels: unchanged\n");
      } else {
        if (c.label().changed()) {
          out.append("  predicted_label: ").append(label(c.label())).append('\n');
        }
        c.classifiers()
            .forEach(
                (name, l) -> {
                  if (l.changed()) {
                    out.append("  classifier ")
                        .append(name)
                        .append(": ")
                        .append(label(l))
                        .append('\n');
                  }
                });
      }
    }
    return out.toString();
  }

  private static void renderTranscript(StringBuilder out, TranscriptChange t) {
    if (!t.changed()) {
      out.append("  transcript: unchanged\n");
      return;
    }
    WordDiff d = t.diff();
    out.append("  transcript: changed, WER ")
        .append(d.wer().map(w -> String.format(Locale.ROOT, "%.1f%%", 100 * w)).orElse("n/a"))
        .append(
            String.format(
                Locale.ROOT,
                " against the old (%d substituted, %d deleted, %d inserted of %d words)%n",
                d.substitutions(),
                d.deletions(),
                d.insertions(),
                d.referenceWords()));
    out.append("    old: ").append(t.from().strip()).append('\n');
    out.append("    new: ").append(t.to().strip()).append('\n');
    if (!d.removed().isEmpty()) {
      out.append("    removed: ").append(wordList(d.removed())).append('\n');
    }
    if (!d.added().isEmpty()) {
      out.append("    added: ").append(wordList(d.added())).append('\n');
    }
  }

  private static String wordList(List<String> words) {
    String shown = String.join(" ", words.subList(0, Math.min(words.size(), LISTED_WORDS)));
    return words.size() > LISTED_WORDS
        ? shown + " ... (" + (words.size() - LISTED_WORDS) + " more)"
        : shown;
  }

  private static String label(LabelChange l) {
    return label(l.from(), l.fromConfidence()) + " -> " + label(l.to(), l.toConfidence());
  }

  private static String label(String label, Double confidence) {
    if (label == null) {
      return "(none)";
    }
    return confidence == null ? label : String.format(Locale.ROOT, "%s (%.2f)", label, confidence);
  }

  private static String refs(List<ModelRef> refs) {
    return refs.isEmpty()
        ? "(none)"
        : refs.stream().map(ModelRef::toString).collect(Collectors.joining(", "));
  }

  private static String orNone(String s) {
    return s == null ? "(none)" : s;
  }

  /** The report for scripts: snake_case like the results, nulls where a side has no value. */
  public static String json(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode options = root.putObject("options");
    options.put("part", report.options().part().orElse(null));
    options.put("from_version", report.options().fromVersion().orElse(null));
    options.put("to_version", report.options().toVersion().orElse(null));
    root.put("results", report.results());
    root.put("unreadable", report.unreadable());
    root.put("recordings", report.recordings());
    root.put("compared", report.compared());
    root.put("changed", report.changes().size());
    root.put("transcripts_changed", report.transcriptsChanged());
    root.put("labels_changed", report.labelsChanged());
    ArrayNode changes = root.putArray("changes");
    for (Change c : report.changes()) {
      ObjectNode change = changes.addObject();
      change.put("recording_id", c.recordingId());
      change.put("file", c.file());
      change.put("from_updated_at", c.fromUpdatedAt());
      change.put("to_updated_at", c.toUpdatedAt());
      change.put("from_status", c.fromStatus());
      change.put("to_status", c.toStatus());
      ArrayNode models = change.putArray("models");
      for (PartChange p : c.models()) {
        ObjectNode part = models.addObject();
        part.put("part", p.part());
        refsJson(part.putArray("from"), p.from());
        refsJson(part.putArray("to"), p.to());
      }
      ObjectNode transcript = change.putObject("transcript");
      TranscriptChange t = c.transcript();
      WordDiff d = t.diff();
      transcript.put("changed", t.changed());
      transcript.put("from", t.from());
      transcript.put("to", t.to());
      transcript.put("wer", d.wer().orElse(null));
      transcript.put("reference_words", d.referenceWords());
      transcript.put("substitutions", d.substitutions());
      transcript.put("deletions", d.deletions());
      transcript.put("insertions", d.insertions());
      d.removed().forEach(transcript.putArray("removed")::add);
      d.added().forEach(transcript.putArray("added")::add);
      change.put("labels_changed", c.labelsChanged());
      labelJson(change.putObject("predicted_label"), c.label());
      ObjectNode classifiers = change.putObject("classifiers");
      c.classifiers().forEach((name, l) -> labelJson(classifiers.putObject(name), l));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the report as JSON", e);
    }
  }

  private static void refsJson(ArrayNode array, List<ModelRef> refs) {
    for (ModelRef ref : refs) {
      array.addObject().put("id", ref.id()).put("version", ref.version());
    }
  }

  private static void labelJson(ObjectNode node, LabelChange l) {
    node.put("changed", l.changed());
    node.put("from", l.from());
    node.put("from_confidence", l.fromConfidence());
    node.put("to", l.to());
    node.put("to_confidence", l.toConfidence());
  }

  /**
   * Every recording result on the topic now, in topic order, as a read-committed consumer sees
   * them: results of aborted transactions are left out.
   *
   * @param timeout how long to wait for the topic's metadata and for reading up to its end
   * @throws IllegalArgumentException when the topic does not exist
   * @throws IllegalStateException when the end is not reached within the timeout
   */
  public static List<String> readResults(String bootstrap, String topic, Duration timeout) {
    // The reader settings never create a topic, so a mistyped name is reported as missing.
    try (var consumer =
        new KafkaConsumer<>(
            TopicTime.readerConfig(bootstrap, "earshot-changes"),
            new StringDeserializer(),
            new StringDeserializer())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException("topic " + topic + " does not exist");
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // For a read-committed consumer these are the last stable offsets.
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      List<String> values = new ArrayList<>();
      Set<TopicPartition> pending = new LinkedHashSet<>(partitions);
      pending.removeIf(tp -> consumer.position(tp, timeout) >= ends.get(tp));
      while (!pending.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Did not read "
                  + topic
                  + " to its end within "
                  + timeout
                  + "; partitions not done: "
                  + pending);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          // Results written after the end offsets were taken are left for the next report.
          TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.value() != null && record.offset() < ends.get(tp)) {
            values.add(record.value());
          }
        }
        pending.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
      }
      return values;
    }
  }
}
