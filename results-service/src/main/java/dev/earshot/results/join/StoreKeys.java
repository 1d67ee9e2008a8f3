package dev.earshot.results.join;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Keys of the per-chunk stores: recording id, '|', chunk number zero-padded to six digits, so a
 * prefix scan returns a recording's chunks in order.
 */
public final class StoreKeys {

  private static final Pattern CHUNK_SUFFIX = Pattern.compile("\\d{6}");

  private static final StringSerializer KEYS = new StringSerializer();

  private StoreKeys() {}

  /**
   * A recording's entries of a per-chunk store, in chunk order; the iterator is closed before
   * returning, so callers may write to the store afterwards.
   */
  public static <V> List<KeyValue<String, V>> entries(
      ReadOnlyKeyValueStore<String, V> store, String recordingId) {
    List<KeyValue<String, V>> entries = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.prefixScan(prefix(recordingId), KEYS)) {
      while (it.hasNext()) {
        KeyValue<String, V> kv = it.next();
        if (belongsTo(kv.key, recordingId)) {
          entries.add(kv);
        }
      }
    }
    return entries;
  }

  /** The values of {@link #entries}. */
  public static <V> List<V> values(ReadOnlyKeyValueStore<String, V> store, String recordingId) {
    return entries(store, recordingId).stream().map(kv -> kv.value).toList();
  }

  public static String chunk(String recordingId, int chunk) {
    return recordingId + "|" + String.format("%06d", chunk);
  }

  static String prefix(String recordingId) {
    return recordingId + "|";
  }

  /**
   * Whether a key found by prefix scan belongs to the recording itself: recording "a" scans "a|"
   * and must skip recording "a|b"'s keys.
   */
  static boolean belongsTo(String key, String recordingId) {
    return key.length() == recordingId.length() + 7
        && CHUNK_SUFFIX.matcher(key.substring(recordingId.length() + 1)).matches();
  }
}
