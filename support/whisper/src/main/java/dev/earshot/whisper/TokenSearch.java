package dev.earshot.whisper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How one window's tokens are chosen from the decoder's logits, with the decoding rules ({@link
 * LogitFilters}) applied at every step: greedy at temperature 0, OpenAI's beam search when {@code
 * beamSize > 1}, and best-of-n sampling at higher temperatures.
 */
final class TokenSearch {

  /** A finished candidate: its tokens (without the end token) and their summed log-probability. */
  record Candidate(List<Integer> tokens, double sumLogProb) {

    /** OpenAI's maximum-likelihood ranking without a length penalty. */
    double rank() {
      return sumLogProb / Math.max(1, tokens.size());
    }
  }

  private final int eot;
  private final LogitFilters filters;
  private final DecodingOptions options;

  TokenSearch(WhisperConfig config, LogitFilters filters, DecodingOptions options) {
    this.eot = config.tokens().endOfText();
    this.filters = filters;
    this.options = options;
  }

  /**
   * What one window allows: how many tokens, the latest timestamp (index, -1 for any), the beam
   * width at temperature 0.
   */
  record Limits(int maxTokens, int lastTimestamp, int beamSize) {}

  Candidate search(
      DecoderSession session, float[] first, double temperature, int round, Limits limits) {
    if (temperature > 0) {
      return sample(session, first, temperature, round, limits);
    }
    return limits.beamSize() > 1
        ? beamSearch(session, first, limits)
        : greedy(session, first, limits);
  }

  private Candidate greedy(DecoderSession session, float[] first, Limits limits) {
    List<Integer> tokens = new ArrayList<>();
    double sum = 0;
    float[] logits = first;
    while (true) {
      filters.apply(logits, tokens, limits.lastTimestamp());
      int next = Numerics.argmax(logits);
      sum += logits[next] - Numerics.logSumExp(logits, 0, logits.length);
      if (next == eot) {
        break;
      }
      tokens.add(next);
      if (tokens.size() >= limits.maxTokens()) {
        break;
      }
      logits = session.step(new int[] {next})[0];
    }
    return new Candidate(tokens, sum);
  }

  private Candidate sample(
      DecoderSession session, float[] first, double temperature, int round, Limits limits) {
    int rows = options.bestOf();
    Random random = new Random(options.seed() * 31 + round);
    session.select(new int[rows]);
    List<List<Integer>> tokens = new ArrayList<>();
    double[] sums = new double[rows];
    boolean[] done = new boolean[rows];
    float[][] logits = new float[rows][];
    double[] weights = new double[first.length];
    for (int r = 0; r < rows; r++) {
      tokens.add(new ArrayList<>());
      logits[r] = first.clone();
    }
    while (true) {
      int[] next = new int[rows];
      boolean allDone = true;
      for (int r = 0; r < rows; r++) {
        if (done[r]) {
          next[r] = eot;
          continue;
        }
        filters.apply(logits[r], tokens.get(r), limits.lastTimestamp());
        next[r] = drawFrom(logits[r], temperature, random, weights);
        sums[r] += logits[r][next[r]] - Numerics.logSumExp(logits[r], 0, logits[r].length);
        if (next[r] == eot) {
          done[r] = true;
        } else {
          tokens.get(r).add(next[r]);
          done[r] = tokens.get(r).size() >= limits.maxTokens();
        }
        allDone &= done[r];
      }
      if (allDone) {
        break;
      }
      logits = session.step(next);
    }
    Candidate best = null;
    for (int r = 0; r < rows; r++) {
      Candidate candidate = new Candidate(tokens.get(r), sums[r]);
      if (best == null || candidate.rank() > best.rank()) {
        best = candidate;
      }
    }
    return best;
  }

  /**
   * Draws a token with probability proportional to {@code exp(logit / temperature)}. Tokens more
   * than {@link #NEGLIGIBLE} below the best after scaling are given weight 0 without computing
   * their exponential: together they hold less than 51865 * e^-40 (1e-13) of the probability, and
   * at low temperatures they are nearly the whole vocabulary. Sampling runs for every row at every
   * step, so this and the reused buffer matter.
   */
  private static int drawFrom(float[] logits, double temperature, Random random, double[] weights) {
    float max = Float.NEGATIVE_INFINITY;
    for (float logit : logits) {
      max = Math.max(max, logit);
    }
    double floor = max - NEGLIGIBLE * temperature;
    double total = 0;
    for (int i = 0; i < logits.length; i++) {
      double weight = logits[i] > floor ? Math.exp((logits[i] - max) / temperature) : 0;
      weights[i] = weight;
      total += weight;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < logits.length; i++) {
      u -= weights[i];
      if (u <= 0 && weights[i] > 0) {
        return i;
      }
    }
    for (int i = logits.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    return 0;
  }

  private static final double NEGLIGIBLE = 40;

  /**
   * OpenAI's beam search: each living beam proposes its best {@code beamSize + 1} tokens, the best
   * {@code beamSize} unfinished sequences live on, and finished ones are kept until there are as
   * many as beams.
   */
  private Candidate beamSearch(DecoderSession session, float[] first, Limits limits) {
    int width = limits.beamSize();
    List<List<Integer>> beams = new ArrayList<>(List.of(new ArrayList<>()));
    List<Double> beamSums = new ArrayList<>(List.of(0.0));
    Map<List<Integer>, Double> finished = new LinkedHashMap<>();
    float[][] logits = {first};
    while (true) {
      Map<List<Integer>, Double> scores = new LinkedHashMap<>();
      Map<List<Integer>, Integer> sources = new LinkedHashMap<>();
      for (int r = 0; r < beams.size(); r++) {
        filters.apply(logits[r], beams.get(r), limits.lastTimestamp());
        double logZ = Numerics.logSumExp(logits[r], 0, logits[r].length);
        for (int token : topK(logits[r], width + 1)) {
          List<Integer> sequence = new ArrayList<>(beams.get(r));
          sequence.add(token);
          double score = beamSums.get(r) + logits[r][token] - logZ;
          if (score > scores.getOrDefault(sequence, Double.NEGATIVE_INFINITY)) {
            scores.put(sequence, score);
            sources.put(sequence, r);
          }
        }
      }
      List<List<Integer>> ranked = new ArrayList<>(scores.keySet());
      ranked.sort(Comparator.comparingDouble(s -> -scores.get(s)));
      List<List<Integer>> nextBeams = new ArrayList<>();
      List<Double> nextSums = new ArrayList<>();
      List<Integer> nextSources = new ArrayList<>();
      Map<List<Integer>, Double> newlyFinished = new LinkedHashMap<>();
      for (List<Integer> sequence : ranked) {
        if (sequence.get(sequence.size() - 1) == eot) {
          newlyFinished.put(sequence.subList(0, sequence.size() - 1), scores.get(sequence));
        } else {
          nextBeams.add(sequence);
          nextSums.add(scores.get(sequence));
          nextSources.add(sources.get(sequence));
          if (nextBeams.size() == width) {
            break;
          }
        }
      }
      for (var entry : newlyFinished.entrySet()) {
        if (finished.size() >= width) {
          break;
        }
        finished.putIfAbsent(entry.getKey(), entry.getValue());
      }
      boolean tooLong = !nextBeams.isEmpty() && nextBeams.get(0).size() >= limits.maxTokens();
      if (finished.size() >= width || nextBeams.isEmpty() || tooLong) {
        for (int i = 0; i < nextBeams.size() && finished.size() < width; i++) {
          finished.putIfAbsent(nextBeams.get(i), nextSums.get(i));
        }
        break;
      }
      session.select(nextSources.stream().mapToInt(Integer::intValue).toArray());
      int[] last = nextBeams.stream().mapToInt(s -> s.get(s.size() - 1)).toArray();
      logits = session.step(last);
      beams = nextBeams;
      beamSums = nextSums;
    }
    Candidate best = null;
    for (var entry : finished.entrySet()) {
      Candidate candidate = new Candidate(new ArrayList<>(entry.getKey()), entry.getValue());
      if (best == null || candidate.rank() > best.rank()) {
        best = candidate;
      }
    }
    return best;
  }

  private static int[] topK(float[] values, int k) {
    int[] best = new int[Math.min(k, values.length)];
    Arrays.fill(best, -1);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == Float.NEGATIVE_INFINITY
          || (best[best.length - 1] >= 0 && values[i] <= values[best[best.length - 1]])) {
        continue;
      }
      for (int j = 0; j < best.length; j++) {
        if (best[j] < 0 || values[i] > values[best[j]]) {
          System.arraycopy(best, j, best, j + 1, best.length - j - 1);
          best[j] = i;
          break;
        }
      }
    }
    return Arrays.stream(best).filter(i -> i >= 0).toArray();
  }
}
