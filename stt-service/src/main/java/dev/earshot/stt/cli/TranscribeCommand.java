package dev.earshot.stt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.chunk.ChunkingSettings;
import dev.earshot.audio.chunk.PipelineSettings;
import dev.earshot.audio.dsp.Trimming;
import dev.earshot.stt.config.SttBeans;
import dev.earshot.stt.config.SttConfig;
import dev.earshot.stt.config.SttSettings;
import dev.earshot.stt.model.FileTranscriber;
import dev.earshot.stt.model.ModelHolder;
import dev.earshot.whisper.Transcription;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Transcribes files directly, without Kafka, printing text with timestamps or JSON. */
@Command(
    name = "transcribe",
    description = "Transcribe audio files and print text with timestamps, or JSON.",
    mixinStandardHelpOptions = true)
public class TranscribeCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Audio files (any supported format).")
  List<Path> files;

  @Option(names = "--json", description = "One JSON object per file instead of text.")
  boolean json;

  @Mixin ModelOptions modelOptions;

  private final SttSettings configured;
  private final SttConfig config;

  public TranscribeCommand(SttSettings configured, SttConfig config) {
    this.configured = configured;
    this.config = config;
  }

  @Override
  public Integer call() {
    SttSettings settings;
    try {
      settings = modelOptions.apply(configured);
    } catch (IllegalArgumentException e) {
      System.err.println("transcribe: " + e.getMessage());
      return 2;
    }
    try (ModelHolder holder = ModelHolder.start(settings, () -> SttBeans.cache(config))) {
      ModelHolder.Loaded loaded;
      try {
        loaded = holder.await();
      } catch (IllegalStateException e) {
        System.err.println("transcribe: " + e.getMessage());
        return 3;
      }
      var transcriber = new FileTranscriber(loaded.speechToText(), chunking());
      ObjectMapper mapper = new ObjectMapper();
      int failed = 0;
      for (Path file : files) {
        try {
          var result = transcriber.transcribe(file);
          if (json) {
            System.out.println(mapper.writeValueAsString(toJson(result, loaded)));
          } else {
            printText(result);
          }
        } catch (IOException e) {
          failed++;
          System.err.println(file + ": " + e.getMessage());
        }
      }
      return failed == 0 ? 0 : 1;
    }
  }

  /** The chunking ingest-service uses by default, so files and streams are cut alike. */
  static PipelineSettings chunking() {
    return new PipelineSettings(16000, ChunkingSettings.defaults(), Trimming.disabled());
  }

  private static void printText(FileTranscriber.FileTranscript result) {
    System.out.printf(
        "%s  (%s, %.2f s; language %s; %.0f ms)%n",
        result.file(),
        result.input().describe(),
        result.seconds(),
        result.language(),
        result.totalMs());
    for (Transcription.Segment segment : result.segments()) {
      System.out.printf(
          "[%s --> %s] %s%n", clock(segment.start()), clock(segment.end()), segment.text().strip());
    }
    result.chunks().stream()
        .filter(c -> c.failed())
        .forEach(
            c ->
                System.out.printf(
                    "[chunk %d failed: %s]%n", c.chunk().sequence(), c.failure().getMessage()));
  }

  static String clock(double seconds) {
    long millis = Math.round(seconds * 1000);
    return String.format(
        "%02d:%02d:%02d.%03d",
        millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
  }

  private static Map<String, Object> toJson(
      FileTranscriber.FileTranscript result, ModelHolder.Loaded loaded) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", result.file().toString());
    out.put("inputFormat", result.input().describe());
    out.put("durationSeconds", result.seconds());
    out.put("language", result.language());
    out.put("text", result.text());
    out.put(
        "segments",
        result.segments().stream()
            .map(s -> Map.of("start", s.start(), "end", s.end(), "text", s.text().strip()))
            .toList());
    out.put(
        "chunks",
        result.chunks().stream()
            .map(
                c -> {
                  Map<String, Object> chunk = new LinkedHashMap<>();
                  chunk.put("sequence", c.chunk().sequence());
                  chunk.put("offsetSeconds", c.chunk().offsetSeconds());
                  if (c.failed()) {
                    chunk.put("error", c.failure().getMessage());
                  } else {
                    var t = c.transcription();
                    chunk.put("text", t.text());
                    chunk.put("language", t.language());
                    chunk.put("languageProbability", t.languageProbability());
                    chunk.put("noSpeechProbability", t.noSpeechProbability());
                    chunk.put("avgLogProbability", t.avgLogProbability());
                    chunk.put("silent", t.silent());
                    chunk.put("tokens", t.tokens());
                    chunk.put("timings", t.timings());
                  }
                  return chunk;
                })
            .toList());
    out.put(
        "model",
        Map.of(
            "id",
            loaded.model().id(),
            "version",
            loaded.model().version(),
            "device",
            loaded.model().executionProvider()));
    return out;
  }
}
