package dev.earshot.whisper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Splits a byte-level piece into vocabulary ids by applying BPE merges in rank order. */
final class BpeModel {

  private static final int CACHE_LIMIT = 20_000;

  private final Map<String, Integer> vocab;
  private final Map<String, Integer> ranks;
  private final ConcurrentHashMap<String, int[]> cache = new ConcurrentHashMap<>();

  /**
   * @param vocab byte-level token to id
   * @param ranks merge of two tokens, written {@code left + " " + right}, to its priority (lower
   *     merges first)
   */
  BpeModel(Map<String, Integer> vocab, Map<String, Integer> ranks) {
    this.vocab = Map.copyOf(vocab);
    this.ranks = Map.copyOf(ranks);
  }

  /** Ids of a byte-level piece; the returned array is shared and must not be modified. */
  int[] ids(String piece) {
    int[] cached = cache.get(piece);
    if (cached != null) {
      return cached;
    }
    List<String> symbols = merge(piece);
    int[] ids = new int[symbols.size()];
    for (int i = 0; i < ids.length; i++) {
      Integer id = vocab.get(symbols.get(i));
      if (id == null) {
        throw new IllegalStateException("BPE produced a token missing from the vocabulary");
      }
      ids[i] = id;
    }
    // Crude but bounded: a stream of novel pieces cannot grow the cache without limit.
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(piece, ids);
    return ids;
  }

  private List<String> merge(String piece) {
    List<String> word = new ArrayList<>(piece.length());
    for (int i = 0; i < piece.length(); i++) {
      word.add(String.valueOf(piece.charAt(i)));
    }
    while (word.size() > 1) {
      int best = Integer.MAX_VALUE;
      String first = null;
      String second = null;
      for (int i = 0; i + 1 < word.size(); i++) {
        Integer rank = ranks.get(word.get(i) + ' ' + word.get(i + 1));
        if (rank != null && rank < best) {
          best = rank;
          first = word.get(i);
          second = word.get(i + 1);
        }
      }
      if (first == null) {
        break;
      }
      List<String> merged = new ArrayList<>(word.size());
      for (int i = 0; i < word.size(); i++) {
        if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
          merged.add(first + second);
          i++;
        } else {
          merged.add(word.get(i));
        }
      }
      word = merged;
    }
    return word;
  }
}
