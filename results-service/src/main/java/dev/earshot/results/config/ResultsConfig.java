package dev.earshot.results.config;

import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of results-service under the {@code results.} prefix; see the README. */
@ConfigMapping(prefix = "results")
public interface ResultsConfig {

  /**
   * Classifiers whose verdict every chunk waits for; classify-service writes one record per chunk
   * and classifier, so this must name the classifiers it runs. Others are shown, not waited for.
   */
  @WithDefault("sound-type,digits")
  List<String> classifiers();

  /** The classifier behind the top-level predicted_label, confidence and probabilities. */
  @WithDefault("sound-type")
  String primaryClassifier();

  /**
   * How long a recording may go without any record before it is reported INCOMPLETE (or FAILED)
   * with what has arrived; e.g. a chunk lost upstream or a worker down.
   */
  @WithDefault("5M")
  Duration incompleteTimeout();

  /**
   * How long a recording waits for worker groups that have not processed its chunks yet (a backlog,
   * a replay, workers down) before it is reported with what has arrived; the incomplete timeout
   * counts only once they went past its chunks.
   */
  @WithDefault("24H")
  Duration backlogTimeout();

  /**
   * The chunk workers' consumer groups whose results the join waits for; their committed offsets on
   * the audio-chunk topic tell a backlog from a lost chunk. Empty: time alone decides.
   */
  @WithDefault("earshot-stt,earshot-classify")
  List<String> workerGroups();

  /** How often the timeout is checked. */
  @WithDefault("5S")
  Duration scanInterval();

  /** How long the state of a quiet recording is kept (and queryable) before it is deleted. */
  @WithDefault("7D")
  Duration retention();

  /**
   * A stream thread that fails (a broker gone mid-transaction leaves its producer unusable) is
   * replaced by a new one, up to this many times within {@link #threadReplacementWindow()}; past
   * that the Kafka Streams client shuts down, readiness fails and the process is restarted.
   */
  @WithDefault("10")
  int maxThreadReplacements();

  @WithDefault("10M")
  Duration threadReplacementWindow();

  /**
   * Transcript rules by name, e.g. {@code results.rules.cant-hear.label=can't hear}, {@code
   * results.rules.cant-hear.keywords=can't hear,cannot hear}, {@code
   * results.rules.cant-hear.classifier=sound-type}, {@code results.rules.cant-hear.class=speech},
   * {@code results.rules.cant-hear.min-probability=0.5}.
   */
  Map<String, Rule> rules();

  /** Topic creation at start-up: {@code results.topics.create}, {@code .partitions}, ... */
  TopicSettings topics();

  /** Topic names; every Earshot topic's default is its catalogue name. */
  TopicNames topic();

  Pictures pictures();

  /**
   * The host other instances use to reach this one for interactive queries (with the HTTP port);
   * RESULTS_ADVERTISED_HOST, e.g. the container name. Used by quarkus.kafka-streams
   * .application-server.
   */
  String advertisedHost();

  /** Where Kafka Streams keeps its RocksDB state; rebuilt from changelogs when lost. */
  Optional<String> stateDir();

  /** Who may read: keys, the dashboard's sessions, instance-to-instance calls. */
  Http http();

  /** The live feed behind the dashboard's event stream. */
  @WithDefault("true")
  @io.smallrye.config.WithName("live.enabled")
  boolean liveEnabled();

  /**
   * Credentials of the read side. Every {@code /api/...} request, the pictures, the live events and
   * the dashboard need a read key (in {@code Authorization: Bearer KEY} or {@code X-API-Key}) or a
   * dashboard session made by logging in with one; {@code /internal/...} needs the instance key.
   * Upload keys (ingest's) are not read keys.
   */
  interface Http {
    /**
     * Keys that may read results (RESULTS_HTTP_READ_KEYS=key1,key2), each at least 16 characters.
     * None: every read answers 401.
     */
    Optional<List<String>> readKeys();

    /**
     * The key instances of a cluster send each other on {@code /internal/...}
     * (RESULTS_HTTP_INTERNAL_KEY), at least 16 characters; the same on every instance. None: a lone
     * instance needs none, and {@code /internal/...} answers 401.
     */
    Optional<String> internalKey();

    /**
     * Whether a key may come in the {@code apiKey} query parameter. Off: URLs end up in logs,
     * browser history and referrers.
     */
    @WithDefault("false")
    boolean allowKeyInUrl();

    /** How long a dashboard login lasts. */
    @WithDefault("12H")
    Duration sessionLength();

    /** Whether the session cookie is marked Secure (sent over HTTPS only); on behind TLS. */
    @WithDefault("false")
    boolean secureCookie();
  }

  /** One transcript rule: pattern or keywords, optionally gated by a classifier's probability. */
  interface Rule {
    /** The label the rule sets. */
    String label();

    /** A Java regular expression searched in the transcript. */
    Optional<String> pattern();

    /** Words or phrases matched case-insensitively as whole words (instead of a pattern). */
    Optional<List<String>> keywords();

    /** The classifier whose probability must agree. */
    Optional<String> classifier();

    /** That classifier's label, e.g. speech. */
    @io.smallrye.config.WithName("class")
    Optional<String> classLabel();

    /** The least probability of the class for the rule to fire. */
    @WithDefault("0")
    double minProbability();

    /** Whether the rule's label replaces predicted_label (false: only listed in rule_labels). */
    @WithDefault("true")
    boolean override();

    /** Rules apply in ascending order; ties by name. */
    @WithDefault("100")
    int order();
  }

  /** Topic names. */
  interface TopicNames {
    @WithDefault(EarshotTopic.Names.TRANSCRIPTS)
    String transcripts();

    @WithDefault(EarshotTopic.Names.CLASSIFICATIONS)
    String classifications();

    @WithDefault(EarshotTopic.Names.RECORDING_EVENTS)
    String recordingEvents();

    @WithDefault(EarshotTopic.Names.AUDIO_CHUNKS)
    String audioChunks();

    @WithDefault(EarshotTopic.Names.CHUNK_RESULTS)
    String chunkResults();

    @WithDefault(EarshotTopic.Names.RESULTS)
    String results();

    @WithDefault(EarshotTopic.Names.DEAD_LETTERS)
    String deadLetters();

    /** stt-service's live captions, which the event stream forwards as {@code caption}. */
    @WithDefault(EarshotTopic.Names.CAPTIONS)
    String captions();
  }

  /** Size of the pictures served by the API. */
  interface Pictures {
    @WithDefault("1200")
    int width();

    @WithDefault("500")
    int height();
  }
}
