package dev.earshot.stt.cli;

import dev.earshot.stt.config.SttSettings;
import dev.earshot.whisper.DecodingOptions;
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

  SttSettings apply(SttSettings configured) {
    DecodingOptions decoding = configured.decoding();
    if (language != null) {
      decoding = decoding.withLanguage(language);
    }
    if (task != null) {
      decoding =
          decoding.withTask(
              DecodingOptions.Task.valueOf(task.strip().toUpperCase(java.util.Locale.ROOT)));
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
}
