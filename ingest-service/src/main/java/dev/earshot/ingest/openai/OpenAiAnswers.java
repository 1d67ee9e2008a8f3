package dev.earshot.ingest.openai;

import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.Segment;
import dev.earshot.schema.result.Subtitles;
import dev.earshot.schema.result.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recording result as OpenAI's API answers a transcription: {@code json} ({@code text}), {@code
 * text}, {@code srt}, {@code vtt}, or {@code verbose_json} with segments (start, end, and the
 * decoding figures of the chunk each came from, as Whisper gives every segment of a window), words
 * when asked for, and Earshot's classification as the extra field {@code earshot}.
 */
public final class OpenAiAnswers {

  private OpenAiAnswers() {}

  /** The body: a String for text formats, a Map to be written as JSON otherwise. */
  public static Object body(
      RecordingResult result, ResponseFormat format, String task, boolean words) {
    String text = result.transcription() == null ? "" : result.transcription();
    List<Segment> segments = result.segments() == null ? List.of() : result.segments();
    return switch (format) {
      case JSON -> Map.of("text", text);
      case TEXT -> text + "\n";
      case SRT -> Subtitles.srt(Subtitles.cues(segments, Subtitles.Settings.DEFAULT));
      case VTT -> Subtitles.vtt(Subtitles.cues(segments, Subtitles.Settings.DEFAULT));
      case VERBOSE_JSON -> verbose(result, text, segments, task, words);
    };
  }

  private static Map<String, Object> verbose(
      RecordingResult result, String text, List<Segment> segments, String task, boolean words) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", task);
    out.put("language", languageName(result.language()));
    out.put("duration", result.duration() != null ? result.duration() : result.end());
    out.put("text", text);
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      Map<String, Object> segment = new LinkedHashMap<>();
      segment.put("id", i);
      segment.put("seek", (int) Math.round(s.start() * 100));
      segment.put("start", s.start());
      segment.put("end", s.end());
      segment.put("text", " " + s.text().strip());
      segment.put("tokens", List.of());
      segment.put("temperature", orZero(s.temperature()));
      segment.put("avg_logprob", orZero(s.avgLogprob()));
      segment.put("compression_ratio", orZero(s.compressionRatio()));
      segment.put("no_speech_prob", orZero(s.noSpeechProb()));
      list.add(segment);
    }
    out.put("segments", list);
    if (words) {
      List<Map<String, Object>> all = new ArrayList<>();
      for (Segment s : segments) {
        for (Word w : s.words()) {
          Map<String, Object> word = new LinkedHashMap<>();
          word.put("word", w.text().strip());
          word.put("start", w.start());
          word.put("end", w.end());
          all.add(word);
        }
      }
      out.put("words", all);
    }
    Map<String, Object> earshot = new LinkedHashMap<>();
    earshot.put("recording_id", result.recordingId());
    earshot.put("status", result.status().name());
    earshot.put("predicted_label", result.predictedLabel());
    earshot.put("confidence", result.confidence());
    earshot.put("probabilities", result.probabilities());
    earshot.put("primary_classifier", result.primaryClassifier());
    // The result's own JSON names (snake case), as the query API writes them.
    earshot.put("classifiers", Json.MAPPER.valueToTree(result.classifiers()));
    earshot.put("rule_labels", result.ruleLabels());
    earshot.put("models", Json.MAPPER.valueToTree(result.models()));
    earshot.put("results", "/api/recordings/" + result.recordingId());
    out.put("earshot", earshot);
    return out;
  }

  private static double orZero(Double d) {
    return d == null ? 0.0 : d;
  }

  /** OpenAI names the language in English words ("english"), Whisper's results by ISO code. */
  static String languageName(String code) {
    if (code == null || code.isBlank()) {
      return "unknown";
    }
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() || name.equalsIgnoreCase(code) ? code : name.toLowerCase(Locale.ROOT);
  }
}
