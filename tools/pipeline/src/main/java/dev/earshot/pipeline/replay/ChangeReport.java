package dev.earshot.pipeline.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.pipeline.replay.ResultChanges.Change;
import dev.earshot.pipeline.replay.ResultChanges.LabelChange;
import dev.earshot.pipeline.replay.ResultChanges.Options;
import dev.earshot.pipeline.replay.ResultChanges.PartChange;
import dev.earshot.pipeline.replay.ResultChanges.Report;
import dev.earshot.pipeline.replay.ResultChanges.TranscriptChange;
import dev.earshot.schema.result.ModelInfo;
import dev.earshot.whisper.WordDiff;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A comparison of results as people read it ({@link #text}) and as scripts read it ({@link #json}).
 */
public final class ChangeReport {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final int LISTED_WORDS = 20;

  private ChangeReport() {}

  /** The report for people. */
  public static String text(Report report) {
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

  private static String refs(List<ModelInfo> refs) {
    return refs.isEmpty()
        ? "(none)"
        : refs.stream().map(ModelInfo::toString).collect(Collectors.joining(", "));
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

  private static void refsJson(ArrayNode array, List<ModelInfo> refs) {
    for (ModelInfo ref : refs) {
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
}
