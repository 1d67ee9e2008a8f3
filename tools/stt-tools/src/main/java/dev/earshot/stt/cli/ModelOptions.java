package dev.earshot.stt.cli;

import dev.earshot.cli.Cli;
import dev.earshot.cli.UsageException;
import dev.earshot.stt.config.SttSettings;
import dev.earshot.whisper.DecodingOptions;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Command-line overrides of the configured model and decoding, shared by the file commands. */
public class ModelOptions {

  @Option(
      names = "--model",
      description = "tiny, base, or a model folder (default: stt.model.name).")
  String model;

  @Option(names = "--language", description = "Force a language, e.g. en (default: detect).")
  String language;

  @Option(names = "--task", description = "transcribe or translate.")
  String task;

  @Option(
      names = "--beam",
      description = "Beam width; 1 is greedy (default: stt.decoding.beam-size).")
  Integer beam;

  @Option(names = "--threads", description = "ONNX Runtime intra-op threads (0: one per core).")
  Integer threads;

  @Option(names = "--no-timestamps", description = "One segment per chunk instead of timestamps.")
  boolean noTimestamps;

  @Option(names = "--no-vad", description = "Do not skip chunks without detected speech.")
  boolean noVad;

  /** The configured settings with the options given; a value they refuse is a usage error. */
  SttSettings apply(SttSettings configured) {
    if (beam != null && beam < 1) {
      throw new UsageException("--beam '" + beam + "': must be 1 (greedy) or more");
    }
    if (threads != null && threads < 0) {
      throw new UsageException("--threads '" + threads + "': must be 0 (one per core) or more");
    }
    DecodingOptions decoding = configured.decoding();
    if (language != null) {
      decoding = decoding.withLanguage(language);
    }
    if (task != null) {
      decoding = decoding.withTask(Cli.parse("--task", task, ModelOptions::task));
    }
    if (beam != null) {
      decoding = decoding.withBeamSize(beam);
    }
    if (noTimestamps) {
      decoding = decoding.withTimestamps(false);
    }
    var whisper =
        threads == null ? configured.whisper() : configured.whisper().withThreads(threads);
    return new SttSettings(
        model != null ? model : configured.model(),
        whisper,
        decoding,
        noVad ? null : configured.vad(),
        configured.batchSize());
  }

  private static DecodingOptions.Task task(String text) {
    try {
      return DecodingOptions.Task.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be transcribe or translate");
    }
  }
}
