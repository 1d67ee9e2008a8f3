package dev.earshot.results.api;

import dev.earshot.results.join.ChunkState;
import dev.earshot.results.join.JoinSettings;
import dev.earshot.results.join.RecordingState;
import dev.earshot.results.join.ResultAssembler;
import dev.earshot.results.join.ResultJoiner;
import dev.earshot.results.join.StoreKeys;
import dev.earshot.results.picture.SpectrogramSketch;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.RecordingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive queries on the join's state stores. A recording's state lives on the instance whose
 * task owns its partition; {@link #locate} says which one, so the API answers or forwards.
 */
@ApplicationScoped
public class RecordingQueries {

  private static final StringSerializer KEYS = new StringSerializer();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final ResultAssembler assembler;

  public RecordingQueries(
      KafkaStreams streams,
      JoinSettings settings,
      @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
    this.streams = streams;
    this.self = HostInfo.buildFromEndpoint(applicationServer);
    this.assembler = new ResultAssembler(settings);
  }

  /** Where a recording lives: here (empty) or on another instance. */
  public Optional<HostInfo> locate(String recordingId) {
    KeyQueryMetadata meta =
        streams.queryMetadataForKey(ResultJoiner.RECORDING_STORE, recordingId, KEYS);
    if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new InvalidStateStoreException("the results stores are being rebalanced");
    }
    return meta.activeHost().equals(self) ? Optional.empty() : Optional.of(meta.activeHost());
  }

  /** The other instances that hold part of the stores. */
  public List<HostInfo> otherHosts() {
    return streams.streamsMetadataForStore(ResultJoiner.RECORDING_STORE).stream()
        .map(StreamsMetadata::hostInfo)
        .filter(h -> !h.equals(self))
        .distinct()
        .toList();
  }

  /**
   * A recording's latest result from this instance's stores; while it is still being joined, a
   * PROCESSING view of what has been joined so far.
   */
  public Optional<RecordingResult> localResult(String recordingId) {
    RecordingState state = recordings().get(recordingId);
    if (state == null) {
      return Optional.empty();
    }
    return Optional.of(view(state));
  }

  /** This instance's recordings, most recently updated first. */
  public List<RecordingResult> localRecent(int limit) {
    List<RecordingState> states = new ArrayList<>();
    try (KeyValueIterator<String, RecordingState> it = recordings().all()) {
      it.forEachRemaining(kv -> states.add(kv.value));
    }
    return states.stream()
        .sorted(Comparator.comparingLong((RecordingState s) -> s.lastSeenMs).reversed())
        .limit(limit)
        .map(this::view)
        .toList();
  }

  public List<SpectrogramSketch> localSketches(String recordingId) {
    ReadOnlyKeyValueStore<String, byte[]> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                ResultJoiner.SPECTROGRAM_STORE,
                QueryableStoreTypes.<String, byte[]>keyValueStore()));
    return StoreKeys.values(store, recordingId).stream().map(SpectrogramSketch::fromBytes).toList();
  }

  private RecordingResult view(RecordingState state) {
    if (state.result != null) {
      return state.result;
    }
    return assembler.recording(
        state, chunks(state.recordingId), RecordingStatus.PROCESSING, null, state.lastSeenMs);
  }

  private List<ChunkState> chunks(String recordingId) {
    return StoreKeys.values(
        streams.store(
            StoreQueryParameters.fromNameAndType(
                ResultJoiner.CHUNK_STORE, QueryableStoreTypes.<String, ChunkState>keyValueStore())),
        recordingId);
  }

  private ReadOnlyKeyValueStore<String, RecordingState> recordings() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            ResultJoiner.RECORDING_STORE,
            QueryableStoreTypes.<String, RecordingState>keyValueStore()));
  }
}
