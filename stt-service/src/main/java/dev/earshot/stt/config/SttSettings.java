package dev.earshot.stt.config;

import dev.earshot.whisper.DecodingOptions;
import dev.earshot.whisper.Guards;
import dev.earshot.whisper.SpeechDetector;
import dev.earshot.whisper.WhisperOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** The validated, immutable form of {@link SttConfig}; bad values fail start-up by name. */
public record SttSettings(
    String model,
    WhisperOptions whisper,
    DecodingOptions decoding,
    SpeechDetector.Settings vad,
    int batchSize) {

  public SttSettings {
    if (batchSize < 1 || batchSize > 64) {
      throw new IllegalArgumentException("stt.batch.max-chunks must be 1..64, got " + batchSize);
    }
  }

  /**
   * The settings besides the model files that shape a transcript, as one line: the decoding
   * options, the guards and the speech detector. Threads, device and batching are left out: they
   * change the speed, not the text.
   */
  public String decodingDescription() {
    DecodingOptions d = decoding;
    return String.join(
        " ",
        "task=" + d.task(),
        "language=" + d.language(),
        "timestamps=" + d.timestamps(),
        "word-timestamps=" + d.wordTimestamps(),
        "beam-size=" + d.beamSize(),
        "best-of=" + d.bestOf(),
        "temperatures=" + Arrays.toString(d.temperatures()),
        "compression-ratio-threshold=" + d.compressionRatioThreshold(),
        "log-prob-threshold=" + d.logProbThreshold(),
        "no-speech-threshold=" + d.noSpeechThreshold(),
        "max-tokens=" + d.maxTokens(),
        "max-initial-timestamp=" + d.maxInitialTimestamp(),
        "seed=" + d.seed(),
        "guards=" + d.guards(),
        "vad=" + vad);
  }

  /**
   * The first 12 hex digits of the SHA-256 of {@link #decodingDescription()}: transcripts carry it,
   * so results-service tells a replay with other settings from a redone chunk.
   */
  public String decodingSignature() {
    return signature(decodingDescription());
  }

  /** The first 12 hex digits of the SHA-256 of a settings description. */
  public static String signature(String description) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static SttSettings from(SttConfig config) {
    String device = config.model().device().strip().toLowerCase(Locale.ROOT);
    if (!device.equals("auto") && !device.equals("cuda") && !device.equals("cpu")) {
      throw new IllegalArgumentException(
          "stt.model.device must be auto, cuda or cpu, got '" + config.model().device() + "'");
    }
    var whisper =
        new WhisperOptions(
            config.model().variant(),
            config.model().intraOpThreads(),
            config.model().decoderThreads(),
            config.model().interOpThreads(),
            !device.equals("cpu"),
            config.model().cudaDevice());
    var d = config.decoding();
    DecodingOptions.Task task;
    try {
      task = DecodingOptions.Task.valueOf(d.task().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "stt.decoding.task must be transcribe or translate, got '" + d.task() + "'");
    }
    var decoding =
        new DecodingOptions(
            task,
            d.language().orElse(null),
            d.timestamps(),
            d.wordTimestamps(),
            d.beamSize(),
            d.bestOf(),
            d.temperatures().stream().mapToDouble(Double::doubleValue).toArray(),
            d.compressionRatioThreshold(),
            d.logProbThreshold(),
            d.noSpeechThreshold(),
            d.maxTokens(),
            1.0,
            0,
            new Guards(
                d.timestampsWithinAudio(),
                d.tokensPerSecond(),
                d.baseTokens(),
                d.shortSeconds(),
                d.shortBeamSize(),
                d.shortFallback(),
                d.shortWindowSeconds(),
                d.shortDoubt(),
                d.languages().orElse(List.of()),
                d.languageThreshold(),
                d.fallbackLanguage().strip().equalsIgnoreCase("none")
                    ? null
                    : d.fallbackLanguage().strip()),
            // A prompt comes with a request (Wishes), never from the worker's settings.
            null);
    var vad =
        config.vad().enabled()
            ? new SpeechDetector.Settings(config.vad().threshold(), config.vad().minSpeechSeconds())
            : null;
    return new SttSettings(
        config.model().name(), whisper, decoding, vad, config.batch().maxChunks());
  }
}
