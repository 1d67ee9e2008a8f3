package dev.earshot.results.join;

import java.util.regex.Pattern;

/**
 * Keys of the per-chunk stores: recording id, '|', chunk number zero-padded to six digits, so a
 * prefix scan returns a recording's chunks in order.
 */
public final class StoreKeys {

  private static final Pattern CHUNK_SUFFIX = Pattern.compile("\\d{6}");

  private StoreKeys() {}

  public static String chunk(String recordingId, int chunk) {
    return recordingId + "|" + String.format("%06d", chunk);
  }

  public static String prefix(String recordingId) {
    return recordingId + "|";
  }

  /**
   * Whether a key found by prefix scan belongs to the recording itself: recording "a" scans "a|"
   * and must skip recording "a|b"'s keys.
   */
  public static boolean belongsTo(String key, String recordingId) {
    return key.length() == recordingId.length() + 7
        && CHUNK_SUFFIX.matcher(key.substring(recordingId.length() + 1)).matches();
  }
}
