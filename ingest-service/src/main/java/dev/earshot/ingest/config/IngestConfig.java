package dev.earshot.ingest.config;

import dev.earshot.schema.EarshotService;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicSettings;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of ingest-service under the {@code ingest.} prefix; see the README for each one. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

  /** Sample rate of published chunks; Whisper and the classifiers expect 16 kHz. */
  @WithDefault("16000")
  int sampleRate();

  /** Longest recording accepted from any input; longer files are refused, streams are ended. */
  @WithDefault("4H")
  Duration maxDuration();

  Chunking chunking();

  Normalization normalization();

  Trim trim();

  Http http();

  Live live();

  OpenAi openai();

  Publish publish();

  Topics topics();

  /** How recordings are cut into chunks. */
  interface Chunking {
    /** Preferred chunk length. */
    @WithDefault("10")
    double targetSeconds();

    /** Hard upper bound; Whisper sees at most 30 s at once. */
    @WithDefault("30")
    double maxSeconds();

    /** How far a boundary may move from the target to find the quietest point. */
    @WithDefault("2")
    double searchSeconds();

    /** Sample layout of the chunk payload: PCM_S16LE (half the size) or PCM_F32LE (lossless). */
    @WithDefault("PCM_S16LE")
    String encoding();
  }

  /** Optional level normalisation of files and uploads (live streams are published as captured). */
  interface Normalization {
    /** NONE, PEAK or RMS. */
    @WithDefault("NONE")
    String mode();

    /** Target level; defaults to -1 dBFS for PEAK and -20 dBFS for RMS. */
    Optional<Double> targetDbfs();
  }

  /** Optional trimming of leading and trailing silence. */
  interface Trim {
    @WithDefault("false")
    boolean enabled();

    /** Frames quieter than this (RMS) count as silence. */
    @WithDefault("-50")
    double thresholdDbfs();

    /** Quiet audio kept next to the sound so onsets are not clipped. */
    @WithDefault("0.2")
    double paddingSeconds();
  }

  /** HTTP uploads and live streams. */
  interface Http {
    /**
     * Upload keys (INGEST_HTTP_API_KEYS=key1,key2), each at least 16 characters, sent as {@code
     * Authorization: Bearer KEY} or {@code X-API-Key: KEY}; HTTP ingest answers 401 to everything
     * when there are none.
     */
    Optional<List<String>> apiKeys();

    /**
     * Whether a key may come in the {@code apiKey} query parameter, for clients that cannot set a
     * header (a browser's WebSocket). Off: URLs end up in logs, browser history and referrers.
     */
    @WithDefault("false")
    boolean allowKeyInUrl();

    /** Largest accepted upload; larger bodies get 413. */
    @WithDefault("100M")
    MemorySize maxUploadSize();

    /** Where results-service serves a recording, used in the 202 answer. */
    @WithDefault("http://localhost:" + EarshotService.Ports.RESULTS)
    String resultsBaseUrl();

    /**
     * How long the outcome of an upload with an {@code Idempotency-Key} is remembered for retries,
     * from its answer on.
     */
    @WithDefault("24H")
    Duration idempotencyTtl();

    /** The most Idempotency-Keys remembered at once; the oldest answered ones make room first. */
    @WithDefault("10000")
    int idempotencyMaxKeys();
  }

  /** Live streams (the WebSocket). */
  interface Live {
    /**
     * Whether a live stream's audio also goes out in pieces on {@code earshot.live-audio} while it
     * is open, for stt-service's live captions; its chunks are published as always either way.
     */
    @WithDefault("true")
    boolean captions();

    /**
     * Length of those pieces (100MS to 5S): a word reaches the captioner at most this long after it
     * was received; shorter pieces cost more Kafka records.
     */
    @WithDefault("500MS")
    Duration pieceDuration();

    /**
     * After {@code end}, how long a connection that asked for captions stays open for its stream's
     * last caption (the captioner decodes the stream's tail after it ended); 0S closes it at once.
     */
    @WithDefault("30S")
    Duration lastCaptionWait();

    /** The topic stt-service writes live captions to; ingest sends them back to the streams. */
    @WithDefault(EarshotTopic.Names.CAPTIONS)
    String captionsTopic();
  }

  /** The OpenAI-compatible API: {@code /v1/audio/transcriptions}, {@code /translations}, models. */
  interface OpenAi {
    /** Whether ingest serves it (and follows the results and models topics for it). */
    @WithDefault("true")
    boolean enabled();

    /** How long a request waits for its recording's result before it is answered 504. */
    @WithDefault("5M")
    Duration resultTimeout();

    /**
     * The model name OpenAI's clients send by default; it stands for whatever model the STT workers
     * serve.
     */
    @WithDefault("whisper-1")
    String defaultModel();

    /** A model no worker announced for this long is no longer listed. */
    @WithDefault("30M")
    Duration modelTtl();

    /** The topic results-service writes recording results to. */
    @WithDefault(EarshotTopic.Names.RESULTS)
    String resultsTopic();

    /** The topic the STT workers announce their models on. */
    @WithDefault(EarshotTopic.Names.MODELS)
    String modelsTopic();
  }

  /** Publishing to Kafka. */
  interface Publish {
    /** Chunks of one recording sent before waiting for acknowledgements. */
    @WithDefault("16")
    int maxInFlight();

    /** How long to wait for Kafka to acknowledge a recording's records. */
    @WithDefault("60S")
    Duration timeout();

    /** Wait before a FAILED event Kafka did not acknowledge is sent again; doubles each time. */
    @WithDefault("1S")
    Duration resendBackoff();

    /** The longest wait between two sends of a FAILED event Kafka did not acknowledge. */
    @WithDefault("30S")
    Duration resendMaxBackoff();
  }

  /** Topic creation at start-up. */
  interface Topics extends TopicSettings {
    /** Create them as the service starts, not only when a command first needs them. */
    @WithDefault("true")
    boolean createAtStart();
  }
}
