package dev.earshot.schema.topic;

import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.Classification;
import dev.earshot.schema.LiveAudio;
import dev.earshot.schema.RecordingEvent;
import dev.earshot.schema.Transcript;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The catalogue of Earshot topics: default name, value type, partitions and topic settings.
 *
 * <p>Every topic is keyed by recording id and has the same number of partitions, so records of one
 * recording share a partition number on every topic: per-recording order is kept, recordings spread
 * over the consumers of a group, and Kafka Streams can join the topics without re-keying.
 */
public enum EarshotTopic {
  AUDIO_CHUNKS(
      Names.AUDIO_CHUNKS,
      AudioChunk.class,
      // A 30 s chunk of float PCM is 1.9 MB, over Kafka's 1 MB default.
      Map.of("max.message.bytes", "4194304", "retention.ms", "604800000")),
  RECORDING_EVENTS(
      Names.RECORDING_EVENTS, RecordingEvent.class, Map.of("retention.ms", "2592000000")),
  TRANSCRIPTS(Names.TRANSCRIPTS, Transcript.class, Map.of("retention.ms", "2592000000")),
  CLASSIFICATIONS(
      Names.CLASSIFICATIONS, Classification.class, Map.of("retention.ms", "2592000000")),
  /** results-service's joined chunk results, JSON; every version stays for replays. */
  CHUNK_RESULTS(Names.CHUNK_RESULTS, null, Map.of("retention.ms", "2592000000")),
  /**
   * results-service's recording results, JSON. Not compacted: a replay's results supersede the old
   * ones in queries while the old ones stay here until retention.
   */
  RESULTS(Names.RESULTS, null, Map.of("retention.ms", "2592000000")),
  /** Records that could not be processed, unchanged, with the reason in headers. */
  DEAD_LETTERS(Names.DEAD_LETTERS, null, Map.of("max.message.bytes", "4194304")),
  /**
   * The models the STT workers serve, JSON ({@code ServedModel}), keyed by model id (the one topic
   * not keyed by recording id), compacted: the latest announcement of each model stays.
   */
  MODELS(Names.MODELS, null, Map.of("cleanup.policy", "compact")),
  /**
   * Live streams' audio in pieces of about half a second while they are open, for live captions;
   * only worth anything while the stream is live, so it is kept an hour.
   */
  LIVE_AUDIO(Names.LIVE_AUDIO, LiveAudio.class, Map.of("retention.ms", "3600000")),
  /**
   * stt-service's live captions of open streams, JSON ({@code Caption}): partial text that changes
   * and committed text that does not; a day is plenty for followers that fell behind.
   */
  CAPTIONS(Names.CAPTIONS, null, Map.of("retention.ms", "86400000"));

  /**
   * The default names as constants, for annotations ({@code @WithDefault}) that need them at
   * compile time; everything else asks the enum.
   */
  public static final class Names {
    public static final String AUDIO_CHUNKS = "earshot.audio-chunks";
    public static final String RECORDING_EVENTS = "earshot.recording-events";
    public static final String TRANSCRIPTS = "earshot.transcripts";
    public static final String CLASSIFICATIONS = "earshot.classifications";
    public static final String CHUNK_RESULTS = "earshot.chunk-results";
    public static final String RESULTS = "earshot.results";
    public static final String DEAD_LETTERS = "earshot.dead-letters";
    public static final String MODELS = "earshot.models";
    public static final String LIVE_AUDIO = "earshot.live-audio";
    public static final String CAPTIONS = "earshot.captions";

    private Names() {}
  }

  /** One partition per consumer at most; 12 lets a group grow to 12 STT workers. */
  public static final int DEFAULT_PARTITIONS = 12;

  /** Upper bound for one message, used by producers as max.request.size. */
  public static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  private final String defaultName;
  private final Class<?> valueType;
  private final Map<String, String> configs;

  EarshotTopic(String defaultName, Class<?> valueType, Map<String, String> configs) {
    this.defaultName = defaultName;
    this.valueType = valueType;
    this.configs = configs;
  }

  public String defaultName() {
    return defaultName;
  }

  /**
   * The Avro record of message values; empty for the JSON result topics and the dead-letter topic,
   * which keeps raw bytes.
   */
  public Optional<Class<?>> valueType() {
    return Optional.ofNullable(valueType);
  }

  public Map<String, String> configs() {
    return configs;
  }

  /** A topic definition for the admin client under the given (possibly renamed) name. */
  public NewTopic newTopic(String name, int partitions, short replicationFactor) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1 for " + name + ": " + partitions);
    }
    return new NewTopic(name, partitions, replicationFactor).configs(configs);
  }
}
