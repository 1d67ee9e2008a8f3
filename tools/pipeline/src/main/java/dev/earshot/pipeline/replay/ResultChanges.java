package dev.earshot.pipeline.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.ModelInfo;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.whisper.WordDiff;
import java.io.IOException;
import java.util.ArrayList;
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

/**
 * What changed in the recording results after a replay: results-service writes a new result for a
 * recording whenever a part of it is redone, and leaves the old one on the topic, so comparing a
 * recording's results shows what a new model version changed.
 */
public final class ResultChanges {

  /**
   * The recording results as results-service writes them; a part written as one model instead of a
   * list, or a status this version does not know, still reads.
   */
  private static final ObjectReader RESULTS =
      Json.MAPPER
          .readerFor(RecordingResult.class)
          .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

  private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

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

  /** A part whose models differ; a side lists nothing when that result has no such part. */
  public record PartChange(String part, List<ModelInfo> from, List<ModelInfo> to) {}

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
      Map<String, List<ModelInfo>> models,
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
      List<ModelInfo> refs = r.models().getOrDefault(part, List.of());
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
      List<ModelInfo> a = from.models().getOrDefault(part, List.of());
      List<ModelInfo> b = to.models().getOrDefault(part, List.of());
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
    RecordingResult r;
    try {
      r = RESULTS.readValue(json);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (r == null || r.recordingId() == null) {
      return Optional.empty();
    }
    Map<String, Label> classifiers = new LinkedHashMap<>();
    if (r.classifiers() != null) {
      r.classifiers()
          .forEach((name, v) -> classifiers.put(name, label(v.predictedLabel(), v.confidence())));
    }
    Map<String, List<ModelInfo>> models = new LinkedHashMap<>();
    if (r.models() != null) {
      r.models()
          .forEach(
              (part, list) -> {
                List<ModelInfo> refs = list.stream().filter(Objects::nonNull).toList();
                if (!refs.isEmpty()) {
                  models.put(part, refs);
                }
              });
    }
    return Optional.of(
        new Result(
            index,
            r.recordingId(),
            r.file(),
            r.status() == null ? null : r.status().name(),
            r.transcription(),
            label(r.predictedLabel(), r.confidence()),
            classifiers,
            models,
            r.updatedAt()));
  }

  /** No confidence without a label: results without a verdict carry 0 for it. */
  private static Label label(String label, double confidence) {
    return new Label(label, label == null ? null : confidence);
  }

  /** The words of a transcript as word error rates count them: lower case, no punctuation. */
  static List<String> words(String text) {
    String normalized = PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").strip();
    return normalized.isEmpty() ? List.of() : List.of(SPACES.split(normalized));
  }

  /** Word-level difference of a new transcript against the old one (the reference). */
  public static WordDiff wordDiff(String oldText, String newText) {
    return WordDiff.of(words(oldText), words(newText));
  }
}
