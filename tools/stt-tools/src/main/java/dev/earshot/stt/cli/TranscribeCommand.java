package dev.earshot.stt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.chunk.ChunkingSettings;
import dev.earshot.audio.chunk.PipelineSettings;
import dev.earshot.audio.dsp.Trimming;
import dev.earshot.cli.AudioFileArguments;
import dev.earshot.cli.FileProgress;
import dev.earshot.cli.UsageException;
import dev.earshot.schema.result.Segment;
import dev.earshot.schema.result.Subtitles;
import dev.earshot.schema.result.Word;
import dev.earshot.stt.config.SttBeans;
import dev.earshot.stt.config.SttConfig;
import dev.earshot.stt.config.SttSettings;
import dev.earshot.stt.files.FileTranscriber;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.stt.model.SpeechToText;
import dev.earshot.whisper.Transcription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Transcribes files directly, without Kafka, printing text with timestamps, JSON, TSV or subtitles
 * (SubRip, WebVTT, cut as the query API cuts them).
 */
@Command(
    name = "transcribe",
    description = {
      "Transcribe audio files and print text with timestamps (--format text), one JSON object per"
          + " line (json), FILE<TAB>TEXT per line (tsv), or subtitles (srt, vtt).",
      "With --output-dir each file's transcript goes to DIR/NAME.EXT instead of stdout; subtitles"
          + " of several files need it.",
      "A file that cannot be read is reported on stderr and the others go on; the exit code is 1"
          + " when any file failed."
    },
    mixinStandardHelpOptions = true)
public class TranscribeCommand implements Callable<Integer> {

  /** What is written for each file, and the file name extension it gets in an output folder. */
  enum OutputFormat {
    text("txt"),
    json("json"),
    tsv("tsv"),
    srt("srt"),
    vtt("vtt");

    final String extension;

    OutputFormat(String extension) {
      this.extension = extension;
    }
  }

  @Mixin AudioFileArguments inputs;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  /** What is written: text for people by default, a line per file for programs, subtitles. */
  static class Format {
    @Option(
        names = "--format",
        description = "text (default), json, tsv, srt or vtt.",
        paramLabel = "FORMAT")
    OutputFormat format;

    @Option(names = "--json", description = "The same as --format json.")
    boolean json;

    @Option(names = "--tsv", description = "The same as --format tsv.")
    boolean tsv;

    OutputFormat chosen() {
      return format != null
          ? format
          : json ? OutputFormat.json : tsv ? OutputFormat.tsv : OutputFormat.text;
    }
  }

  @Option(
      names = {"-o", "--output-dir"},
      paramLabel = "DIR",
      description = "Write each file's transcript to DIR/NAME.EXT (made if missing).")
  Path outputDir;

  @Mixin ModelOptions modelOptions;

  // The service's settings, read when the command runs, so files are decoded as the service
  // decodes chunks.
  private SttConfig config;
  private SttSettings configured;

  @Override
  public Integer call() {
    config = ServiceConfig.read();
    configured = SttSettings.from(config);
    SttSettings settings;
    try {
      settings = modelOptions.apply(configured);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    AudioFileArguments.Inputs resolved = inputs.resolve(System.err);
    List<Path> files = resolved.files();
    if (files.isEmpty()) {
      return 1;
    }
    OutputFormat chosen = format.chosen();
    if (outputDir == null
        && files.size() > 1
        && (chosen == OutputFormat.srt || chosen == OutputFormat.vtt)) {
      throw new UsageException(
          "subtitles hold one file each: give --output-dir for " + files.size() + " files");
    }
    if (outputDir != null) {
      try {
        Files.createDirectories(outputDir);
      } catch (IOException e) {
        throw new UsageException("cannot make the output folder " + outputDir + ": " + e, e);
      }
    }
    int failed = resolved.failed();
    LoadedModel loaded;
    try {
      loaded = LoadedModel.load(settings, SttBeans.cache(config));
    } catch (Exception e) {
      throw new IllegalStateException(
          "the Whisper model '" + settings.model() + "' cannot be loaded", e);
    }
    try (loaded;
        FileProgress progress =
            FileProgress.on(
                "transcribe", files.size(), System.err, inputs.progressFor(files.size()))) {
      var batch = new Batch(new FileTranscriber(loaded.speechToText(), chunking()), progress);
      // As many chunks at once as the service polls, so the next encoder batch runs on the second
      // core while the current one is decoded.
      int chunksAtOnce = Math.max(config.batch().maxPoll(), settings.batchSize());
      for (Path file : files) {
        batch.add(file);
        if (batch.chunks() >= chunksAtOnce) {
          batch.transcribe(loaded);
        }
      }
      batch.transcribe(loaded);
      failed += batch.failed();
    }
    return failed == 0 ? 0 : 1;
  }

  /**
   * Files decoded and waiting to be transcribed together, so short files share the pipelined
   * encoder and decoder; only a few chunks of audio are held at once.
   */
  private final class Batch {
    private final FileTranscriber transcriber;
    private final FileProgress progress;
    private final List<FileTranscriber.Decoded> waiting = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private int chunks;
    private int failed;

    Batch(FileTranscriber transcriber, FileProgress progress) {
      this.transcriber = transcriber;
      this.progress = progress;
    }

    void add(Path file) {
      try {
        FileTranscriber.Decoded decoded = transcriber.decode(file);
        waiting.add(decoded);
        chunks += decoded.chunks().size();
      } catch (IOException | RuntimeException e) {
        failed++;
        progress.message(inputs.line(file, e.getMessage()));
        progress.fileDone(0);
      }
    }

    int chunks() {
      return chunks;
    }

    int failed() {
      return failed;
    }

    void transcribe(LoadedModel loaded) {
      if (waiting.isEmpty()) {
        return;
      }
      for (var result : transcriber.transcribe(waiting)) {
        print(result, loaded);
        result.chunks().stream()
            .filter(SpeechToText.Result::failed)
            .findFirst()
            .ifPresent(
                c -> {
                  failed++;
                  progress.message(
                      inputs.line(
                          result.file(),
                          String.format(
                              "chunk %d at %s cannot be transcribed: %s",
                              c.chunk().sequence(),
                              clock(c.chunk().offsetSeconds()),
                              c.failure().getMessage())));
                });
        progress.fileDone(result.seconds());
      }
      waiting.clear();
      chunks = 0;
    }

    private void print(FileTranscriber.FileTranscript result, LoadedModel loaded) {
      progress.clear();
      OutputFormat chosen = format.chosen();
      String text =
          switch (chosen) {
            case json -> {
              try {
                yield mapper.writeValueAsString(toJson(result, loaded)) + "\n";
              } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON for " + result.file(), e);
              }
            }
            case tsv -> result.file() + "\t" + result.text().replaceAll("[\t\r\n]+", " ") + "\n";
            case srt -> Subtitles.srt(cues(result));
            case vtt -> Subtitles.vtt(cues(result));
            case text -> text(result);
          };
      if (outputDir == null) {
        System.out.print(text);
        System.out.flush();
        return;
      }
      Path out = outputDir.resolve(baseName(result.file()) + "." + chosen.extension);
      try {
        Files.writeString(out, text, StandardCharsets.UTF_8);
        progress.message(result.file() + " -> " + out);
      } catch (IOException e) {
        failed++;
        progress.message(inputs.line(result.file(), "cannot write " + out + ": " + e.getMessage()));
      }
    }
  }

  /** The chunking ingest-service uses by default, so files and streams are cut alike. */
  static PipelineSettings chunking() {
    return new PipelineSettings(16000, ChunkingSettings.defaults(), Trimming.disabled());
  }

  private static String text(FileTranscriber.FileTranscript result) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%s  (%s, %.2f s; language %s; %.0f ms)%n",
            result.file(),
            result.input().describe(),
            result.seconds(),
            result.language(),
            result.totalMs()));
    for (Transcription.Segment segment : result.segments()) {
      out.append(
          String.format(
              "[%s --> %s] %s%n",
              clock(segment.start()), clock(segment.end()), segment.text().strip()));
    }
    result.chunks().stream()
        .filter(c -> c.failed())
        .forEach(
            c ->
                out.append(
                    String.format(
                        "[chunk %d failed: %s]%n",
                        c.chunk().sequence(), c.failure().getMessage())));
    return out.toString();
  }

  /** The file's segments as the query API's subtitles cut them. */
  static List<Subtitles.Cue> cues(FileTranscriber.FileTranscript result) {
    return Subtitles.cues(
        result.segments().stream()
            .map(
                s ->
                    new Segment(
                        s.start(),
                        s.end(),
                        s.text(),
                        s.words().stream()
                            .map(w -> new Word(w.start(), w.end(), w.text(), w.probability()))
                            .toList()))
            .toList(),
        Subtitles.Settings.DEFAULT);
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static String clock(double seconds) {
    long millis = Math.round(seconds * 1000);
    return String.format(
        "%02d:%02d:%02d.%03d",
        millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
  }

  private static Map<String, Object> toJson(
      FileTranscriber.FileTranscript result, LoadedModel loaded) {
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
