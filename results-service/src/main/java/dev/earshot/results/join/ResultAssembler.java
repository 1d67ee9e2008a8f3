package dev.earshot.results.join;

import dev.earshot.results.rules.RuleSet;
import dev.earshot.schema.result.ChunkResult;
import dev.earshot.schema.result.ModelInfo;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.RecordingStatus;
import dev.earshot.schema.result.Segment;
import dev.earshot.schema.result.TimelineEntry;
import dev.earshot.schema.result.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds chunk and recording results from join state; pure, so it is tested without Kafka. */
public final class ResultAssembler {

  public static final String TRANSCRIPT = "transcript";
  public static final List<String> PICTURES = List.of("spectrogram", "probabilities", "timeline");

  private final JoinSettings settings;

  public ResultAssembler(JoinSettings settings) {
    this.settings = settings;
  }

  public ChunkResult chunk(ChunkState state, String file, long nowMs) {
    Map<String, Verdict> verdicts = verdicts(state);
    Part.TranscriptPart t = state.transcript();
    String text = t == null ? null : t.text();
    Headline headline = headline(text, verdicts);
    Map<String, ModelInfo> models = new LinkedHashMap<>();
    if (t != null) {
      models.put(TRANSCRIPT, t.model());
    }
    verdicts.forEach((name, v) -> models.put(name, v.model()));
    return new ChunkResult(
        file,
        text,
        headline.label,
        headline.confidence,
        headline.probabilities,
        headline.classifier,
        recordingIdOf(state),
        state.chunk(),
        state.start(),
        state.start() + state.duration(),
        t == null ? null : t.language(),
        t == null ? List.of() : t.segments(),
        verdicts,
        headline.ruleLabels,
        models,
        Instant.ofEpochMilli(nowMs).toString());
  }

  /**
   * @param chunks the recording's chunk states in chunk order; only complete ones are used for the
   *     transcript and verdicts, so an incomplete recording reports what was joined
   */
  public RecordingResult recording(
      RecordingState rec,
      List<ChunkState> chunks,
      RecordingStatus status,
      String reason,
      long nowMs) {
    List<ChunkState> joined =
        chunks.stream()
            .filter(c -> c.complete(settings.expectedClassifiers()))
            .filter(c -> rec.chunkCount == null || c.chunk() < rec.chunkCount)
            .sorted(Comparator.comparingInt(ChunkState::chunk))
            .toList();

    String transcription =
        joined.stream()
            .map(c -> c.transcript().text())
            .filter(s -> !s.isBlank())
            .collect(Collectors.joining(" "));
    List<Segment> segments = new ArrayList<>();
    joined.forEach(c -> segments.addAll(c.transcript().segments()));

    Map<String, Verdict> verdicts = recordingVerdicts(joined);
    Headline headline = headline(transcription, verdicts);

    List<TimelineEntry> timeline = new ArrayList<>();
    for (ChunkState c : joined) {
      Map<String, String> labels = new TreeMap<>();
      Map<String, Double> confidences = new TreeMap<>();
      c.classifications()
          .forEach(
              (name, p) -> {
                labels.put(name, p.label());
                confidences.put(name, p.confidence());
              });
      timeline.add(
          new TimelineEntry(c.chunk(), c.start(), c.start() + c.duration(), labels, confidences));
    }

    Map<String, List<ModelInfo>> models = new LinkedHashMap<>();
    for (ChunkState c : joined) {
      add(models, TRANSCRIPT, c.transcript().model());
      c.classifications().forEach((name, p) -> add(models, name, p.model()));
    }

    double end = joined.stream().mapToDouble(c -> c.start() + c.duration()).max().orElse(0);
    Map<String, String> pictures = new LinkedHashMap<>();
    // Nothing to draw for a recording that failed before any chunk was joined.
    for (String picture : joined.isEmpty() ? List.<String>of() : PICTURES) {
      pictures.put(picture, "/api/recordings/" + rec.recordingId + "/" + picture + ".png");
    }
    return new RecordingResult(
        rec.file,
        transcription,
        headline.label,
        headline.confidence,
        headline.probabilities,
        headline.classifier,
        rec.recordingId,
        status,
        reason,
        rec.durationSeconds != null ? rec.durationSeconds : (joined.isEmpty() ? null : end),
        rec.chunkCount,
        joined.size(),
        0.0,
        end,
        language(joined),
        segments,
        verdicts,
        headline.ruleLabels,
        timeline,
        models,
        pictures,
        Instant.ofEpochMilli(nowMs).toString());
  }

  private static void add(Map<String, List<ModelInfo>> models, String part, ModelInfo model) {
    List<ModelInfo> list = models.computeIfAbsent(part, k -> new ArrayList<>());
    if (!list.contains(model)) {
      list.add(model);
    }
  }

  private record Headline(
      String label,
      double confidence,
      Map<String, Double> probabilities,
      String classifier,
      List<String> ruleLabels) {}

  /** The primary classifier's verdict, unless an overriding transcript rule fired. */
  private Headline headline(String transcript, Map<String, Verdict> verdicts) {
    String classifier = settings.primaryClassifier();
    Verdict primary = verdicts.get(classifier);
    if (primary == null && !verdicts.isEmpty()) {
      classifier = verdicts.keySet().iterator().next();
      primary = verdicts.get(classifier);
    }
    if (primary == null) {
      classifier = null;
    }
    String label = primary == null ? null : primary.predictedLabel();
    double confidence = primary == null ? 0 : primary.confidence();
    Map<String, Double> probabilities = primary == null ? Map.of() : primary.probabilities();
    List<RuleSet.Fired> fired = settings.rules().apply(transcript, verdicts);
    List<String> ruleLabels = fired.stream().map(RuleSet.Fired::label).distinct().toList();
    for (RuleSet.Fired f : fired) {
      if (f.override()) {
        label = f.label();
        confidence = f.confidence();
        break;
      }
    }
    return new Headline(label, confidence, probabilities, classifier, ruleLabels);
  }

  /** Expected classifiers first, in their configured order, then any others by name. */
  private Map<String, Verdict> verdicts(ChunkState state) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    for (String name : order(state.classifications().keySet())) {
      Part.ClassificationPart p = state.classifications().get(name);
      verdicts.put(
          name, new Verdict(p.label(), p.confidence(), sorted(p.probabilities()), null, p.model()));
    }
    return verdicts;
  }

  private List<String> order(Set<String> names) {
    Set<String> ordered = new LinkedHashSet<>();
    settings.expectedClassifiers().stream().filter(names::contains).forEach(ordered::add);
    names.stream().sorted().forEach(ordered::add);
    return List.copyOf(ordered);
  }

  /**
   * Over a recording: probabilities are the duration-weighted mean of the chunks', and the
   * distribution is the share of audio time each label won.
   */
  private Map<String, Verdict> recordingVerdicts(List<ChunkState> joined) {
    Set<String> names = new LinkedHashSet<>();
    joined.forEach(c -> names.addAll(c.classifications().keySet()));
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    for (String name : order(names)) {
      Map<String, Double> sums = new HashMap<>();
      Map<String, Double> won = new HashMap<>();
      double total = 0;
      ModelInfo model = null;
      for (ChunkState c : joined) {
        Part.ClassificationPart p = c.classifications().get(name);
        if (p == null) {
          continue;
        }
        // A zero-length chunk still counts a little, so a recording of one empty chunk has a label.
        double w = Math.max(c.duration(), 1e-3);
        total += w;
        p.probabilities().forEach((label, prob) -> sums.merge(label, prob * w, Double::sum));
        won.merge(p.label(), w, Double::sum);
        model = p.model();
      }
      if (total == 0) {
        continue;
      }
      final double t = total;
      Map<String, Double> mean = new HashMap<>();
      sums.forEach((label, s) -> mean.put(label, s / t));
      Map<String, Double> distribution = new HashMap<>();
      won.forEach((label, s) -> distribution.put(label, s / t));
      Map<String, Double> probabilities = sorted(mean);
      var top = probabilities.entrySet().iterator().next();
      verdicts.put(
          name,
          new Verdict(top.getKey(), top.getValue(), probabilities, sorted(distribution), model));
    }
    return verdicts;
  }

  /** The language of most of the spoken audio; silent chunks do not vote. */
  private static String language(List<ChunkState> joined) {
    Map<String, Double> votes = new HashMap<>();
    for (ChunkState c : joined) {
      Part.TranscriptPart t = c.transcript();
      if (t.language() != null && !t.silent()) {
        votes.merge(t.language(), Math.max(c.duration(), 1e-3), Double::sum);
      }
    }
    return votes.entrySet().stream()
        .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  static Map<String, Double> sorted(Map<String, Double> probabilities) {
    Map<String, Double> out = new LinkedHashMap<>();
    probabilities.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static String recordingIdOf(ChunkState state) {
    if (state.transcript() != null) {
      return state.transcript().recordingId();
    }
    return state.classifications().values().iterator().next().recordingId();
  }
}
