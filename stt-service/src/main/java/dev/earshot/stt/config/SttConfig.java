package dev.earshot.stt.config;

import dev.earshot.schema.topic.TopicSettings;
import dev.earshot.worker.WatchdogConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of stt-service under the {@code stt.} prefix; see the README for each one. */
@ConfigMapping(prefix = "stt")
public interface SttConfig {

  Model model();

  Decoding decoding();

  Vad vad();

  Batch batch();

  /** Live captions of open streams: {@code stt.captions.*}. */
  Captions captions();

  /** Topic creation at start-up: {@code stt.topics.create}, {@code .partitions}, ... */
  TopicSettings topics();

  /** The inference watchdog: {@code stt.watchdog.inference-timeout}, {@code .exit-grace}. */
  WatchdogConfig watchdog();

  /** Which Whisper model and how ONNX Runtime runs it. */
  interface Model {
    /** tiny, base, or the folder of any Whisper model in the transformers.js layout. */
    @WithDefault("tiny")
    String name();

    /** ONNX file variant: quantized (int8), fp16, or empty for fp32. */
    @WithDefault("quantized")
    String variant();

    /** auto (CUDA when the GPU build and a GPU are there), cuda, or cpu. */
    @WithDefault("auto")
    String device();

    @WithDefault("0")
    int cudaDevice();

    /** Threads per encoder operator; 0 means one per core. */
    @WithDefault("0")
    int intraOpThreads();

    /** Threads per decoder operator; 1 leaves a core to encode the next chunk meanwhile. */
    @WithDefault("1")
    int decoderThreads();

    @WithDefault("1")
    int interOpThreads();

    /** Where fetched models are cached; defaults to EARSHOT_CACHE or ~/.cache/earshot. */
    Optional<String> cache();
  }

  /** How Whisper decodes; the defaults are those of OpenAI's transcribe(). */
  interface Decoding {
    /** ISO code to force a language; detected when absent. */
    Optional<String> language();

    /** transcribe or translate (to English). */
    @WithDefault("transcribe")
    String task();

    @WithDefault("true")
    boolean timestamps();

    /**
     * Word times from the decoder's cross-attention, as OpenAI's word_timestamps, where the model
     * files allow them: one more decoder pass per chunk.
     */
    @WithDefault("true")
    boolean wordTimestamps();

    /** 1 is greedy, as OpenAI's transcribe(); more is beam search. */
    @WithDefault("1")
    int beamSize();

    @WithDefault("5")
    int bestOf();

    @WithDefault("0.0,0.2,0.4,0.6,0.8,1.0")
    List<Double> temperatures();

    @WithDefault("2.4")
    double compressionRatioThreshold();

    @WithDefault("-1.0")
    double logProbThreshold();

    @WithDefault("0.6")
    double noSpeechThreshold();

    /** Cap on tokens per chunk, against runaway repetition. */
    @WithDefault("224")
    int maxTokens();

    /**
     * Timestamps may not pass the end of the chunk's audio. Off by default: measured on short real
     * words it raised the log-probabilities the fallback and no-speech rules judge by, and cost
     * more than it saved.
     */
    @WithDefault("false")
    boolean timestampsWithinAudio();

    /** Token budget per second of audio (0: none), on top of {@code base-tokens}. */
    @WithDefault("6")
    double tokensPerSecond();

    @WithDefault("8")
    int baseTokens();

    /** Chunks with less audio than this are decoded with {@code short-beam-size}. */
    @WithDefault("3.0")
    double shortSeconds();

    /** 1 by default: beam search turned unsure short words into confident "Thank you."s. */
    @WithDefault("1")
    int shortBeamSize();

    /** Whether short chunks that look unsure fall back to sampling at higher temperatures. */
    @WithDefault("true")
    boolean shortFallback();

    /**
     * Encoder window for short chunks instead of Whisper's 30 s; 0 keeps the full window. Less
     * padding around a word keeps Whisper from inventing text after it, and costs less.
     */
    @WithDefault("20")
    double shortWindowSeconds();

    /**
     * Whether a short chunk (at least the speech detector's minimum speech long) that the detector
     * finds silent still goes to Whisper, whose no-speech probability then decides: the detector
     * scores some real voices (narrow-band radio, telephone) as low as noise.
     */
    @WithDefault("true")
    boolean shortDoubt();

    /** Languages detection may pick from, e.g. en,de; all of the model's when absent. */
    Optional<List<String>> languages();

    /** A detected language less likely than this is unsure. */
    @WithDefault("0.5")
    double languageThreshold();

    /**
     * Used when detection is unsure and the recording's earlier chunks say nothing surer; "none"
     * keeps the unsure detection.
     */
    @WithDefault("en")
    String fallbackLanguage();
  }

  /** The speech detector that keeps silence and noise from Whisper. */
  interface Vad {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("0.5")
    double threshold();

    @WithDefault("0.25")
    double minSpeechSeconds();
  }

  /**
   * Live captions: the audio of open streams ({@code earshot.live-audio}) re-decoded about once a
   * second, the words two successive decodings agree on committed ({@code earshot.captions}).
   */
  interface Captions {
    /** Whether this worker captions the streams whose pieces it receives. */
    @WithDefault("true")
    boolean enabled();

    /** New audio that makes a stream due for another decoding (100MS to 10S). */
    @WithDefault("1S")
    Duration updateInterval();

    /** A stream's buffer longer than this is cut at the end of a committed sentence. */
    @WithDefault("15S")
    Duration trimAfter();

    /**
     * The longest buffer (at most Whisper's 30 s): beyond it, what was heard is committed up to its
     * last segment, agreed or not.
     */
    @WithDefault("25S")
    Duration maxBuffer();

    /** A stream without a piece for this long is finished as if it had ended. */
    @WithDefault("30S")
    Duration idleTimeout();

    /**
     * Whether captions fall back to higher temperatures as chunks do (off: the next decoding a
     * second later is the better second try, and sampling the fallback's candidates on a buffer
     * held every word behind it for seconds).
     */
    @WithDefault("false")
    boolean temperatureFallback();
  }

  /** Chunks transcribed together. */
  interface Batch {
    /**
     * Most chunks encoded as one batch. On a small CPU batching does not pay (measured:
     * whisper-base is 28% slower per chunk in batches of 4 on 2 cores); on GPUs and many cores it
     * does.
     */
    @WithDefault("1")
    int maxChunks();

    /**
     * Chunks taken per poll (the consumer's max.poll.records): with several in hand, the next one
     * is encoded while the current one is decoded.
     */
    @WithDefault("4")
    int maxPoll();
  }
}
