package dev.earshot.results.join;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How far the chunk workers' consumer groups have got on the audio-chunk topic. A recording whose
 * results stopped coming is INCOMPLETE only when the workers went past its chunks (they were
 * processed, and their results are lost or dead-lettered); while the workers are behind, they are
 * merely busy and the recording keeps waiting. The offsets are the groups' committed ones, which
 * the workers commit only once Kafka has their results.
 */
public final class WorkerProgress {

  /** Where the workers are, compared with one chunk record. */
  public enum State {
    /** Every group has committed past it. */
    PAST,
    /** Some group has not: it is still to be processed. */
    BEHIND,
    /** No fresh offsets (Kafka unreachable, not fetched yet): decide by time alone. */
    UNKNOWN
  }

  /** Progress never known: the join falls back to its wall-clock timeout. */
  public static final WorkerProgress NONE = new WorkerProgress(List.of(), Duration.ZERO, () -> 0);

  private final List<String> groups;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private volatile Snapshot snapshot;

  /** Per partition, the lowest committed offset over the groups (-1: some group has none). */
  private record Snapshot(Map<Integer, Long> committed, long fetchedNanos) {}

  /**
   * @param groups the worker groups whose results the join waits for
   * @param maxAge offsets older than this are no longer trusted
   */
  public WorkerProgress(List<String> groups, Duration maxAge, LongSupplier nanoTime) {
    this.groups = List.copyOf(groups);
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = nanoTime;
  }

  public List<String> groups() {
    return groups;
  }

  /**
   * Takes freshly fetched offsets.
   *
   * @param committedByGroup each group's committed offsets on the audio-chunk topic by partition; a
   *     group missing here, or a partition missing from a group, has committed nothing there
   */
  public void update(Map<String, Map<Integer, Long>> committedByGroup) {
    Map<Integer, Long> lowest = new HashMap<>();
    boolean first = true;
    for (String group : groups) {
      Map<Integer, Long> own = committedByGroup.getOrDefault(group, Map.of());
      if (first) {
        lowest.putAll(own);
        first = false;
      } else {
        lowest.replaceAll(
            (partition, offset) -> Math.min(offset, own.getOrDefault(partition, -1L)));
      }
    }
    snapshot = new Snapshot(Map.copyOf(lowest), nanoTime.getAsLong());
  }

  /** Whether the workers are past this chunk record. */
  public State of(int partition, long offset) {
    Snapshot s = snapshot;
    if (groups.isEmpty() || s == null || nanoTime.getAsLong() - s.fetchedNanos() > maxAgeNanos) {
      return State.UNKNOWN;
    }
    // The committed offset is the next one to read: past the record once it is greater.
    return s.committed().getOrDefault(partition, -1L) > offset ? State.PAST : State.BEHIND;
  }
}
