package dev.earshot.results.join;

import dev.earshot.schema.result.Json;
import dev.earshot.schema.topic.EarshotTopic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The results topology: four co-partitioned inputs merged into one join processor, whose outputs go
 * to the chunk-results, results and dead-letter topics.
 *
 * <pre>
 * earshot.transcripts      ─┐
 * earshot.classifications  ─┼─ merge ─▶ join (chunk-parts, recordings, spectrograms) ─┬─▶ earshot.chunk-results
 * earshot.recording-events ─┤                                                          ├─▶ earshot.results
 * earshot.audio-chunks     ─┘                                                          └─▶ earshot.dead-letters
 * </pre>
 *
 * No key is changed before the join, so Kafka Streams creates no repartition topic.
 */
public final class ResultsTopology {

  /** Topic names; see the README's topic table. */
  public record Topics(
      String transcripts,
      String classifications,
      String recordingEvents,
      String audioChunks,
      String chunkResults,
      String results,
      String deadLetters) {

    public static final Topics DEFAULT =
        new Topics(
            EarshotTopic.TRANSCRIPTS.defaultName(),
            EarshotTopic.CLASSIFICATIONS.defaultName(),
            EarshotTopic.RECORDING_EVENTS.defaultName(),
            EarshotTopic.AUDIO_CHUNKS.defaultName(),
            EarshotTopic.CHUNK_RESULTS.defaultName(),
            EarshotTopic.RESULTS.defaultName(),
            EarshotTopic.DEAD_LETTERS.defaultName());

    /** The topics the join reads, which must be co-partitioned. */
    public List<String> inputs() {
      return List.of(transcripts, classifications, recordingEvents, audioChunks);
    }
  }

  private ResultsTopology() {}

  /**
   * Why the inputs are not co-partitioned, or empty when they are. A recording's parts meet only
   * when Kafka's default partitioner puts its id on the same partition number of every input, which
   * needs equal partition counts; otherwise a transcript waits in one task for events that arrive
   * in another, and the recording never completes.
   */
  public static Optional<String> coPartitioningProblem(Map<String, Integer> partitionsByTopic) {
    if (partitionsByTopic.values().stream().distinct().count() <= 1) {
      return Optional.empty();
    }
    String counts =
        partitionsByTopic.entrySet().stream()
            .map(e -> e.getKey() + " has " + e.getValue())
            .collect(Collectors.joining(", "));
    return Optional.of(
        "the join's input topics must have the same number of partitions, but "
            + counts
            + "; give them all the same count (kafka-topics --alter --partitions N) and restart"
            + " results-service");
  }

  public static Topology build(Topics topics, JoinSettings settings, JoinListener listener) {
    return build(topics, settings, listener, WorkerProgress.NONE);
  }

  /**
   * @param progress where the chunk workers' groups are, so the join tells a backlog from a loss
   */
  public static Topology build(
      Topics topics, JoinSettings settings, JoinListener listener, WorkerProgress progress) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Input> inputs =
        source(builder, topics.transcripts(), Input.Kind.TRANSCRIPT)
            .merge(source(builder, topics.classifications(), Input.Kind.CLASSIFICATION))
            .merge(source(builder, topics.recordingEvents(), Input.Kind.EVENT))
            .merge(source(builder, topics.audioChunks(), Input.Kind.AUDIO));

    KStream<String, Output> outputs =
        inputs.process(new JoinerSupplier(settings, listener, progress), Named.as("join"));

    outputs
        .filter((k, v) -> v instanceof Output.ChunkOut, Named.as("chunk-results"))
        .mapValues(v -> Json.write(((Output.ChunkOut) v).result()))
        .to(topics.chunkResults(), Produced.with(Serdes.String(), Serdes.String()));
    outputs
        .filter((k, v) -> v instanceof Output.RecordingOut, Named.as("recording-results"))
        .mapValues(v -> Json.write(((Output.RecordingOut) v).result()))
        .to(topics.results(), Produced.with(Serdes.String(), Serdes.String()));
    outputs
        .filter((k, v) -> v instanceof Output.DeadLetter, Named.as("dead-letters"))
        .mapValues(v -> ((Output.DeadLetter) v).value())
        .to(topics.deadLetters(), Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  private static KStream<String, Input> source(
      StreamsBuilder builder, String topic, Input.Kind kind) {
    return builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .mapValues(bytes -> new Input(kind, bytes), Named.as("read-" + kind.name().toLowerCase()));
  }

  private record JoinerSupplier(
      JoinSettings settings, JoinListener listener, WorkerProgress progress)
      implements ProcessorSupplier<String, Input, String, Output> {

    @Override
    public Processor<String, Input, String, Output> get() {
      return new ResultJoiner(settings, listener, progress);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(ResultJoiner.CHUNK_STORE),
              Serdes.String(),
              JsonSerde.of(ChunkState.class)),
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(ResultJoiner.RECORDING_STORE),
              Serdes.String(),
              JsonSerde.of(RecordingState.class)),
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(ResultJoiner.SPECTROGRAM_STORE),
              Serdes.String(),
              Serdes.ByteArray()));
    }
  }
}
