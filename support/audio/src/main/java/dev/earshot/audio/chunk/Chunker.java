package dev.earshot.audio.chunk;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/** Mono samples in, {@link Chunk chunks} cut at quiet points near the target length out. */
public final class Chunker {

  private final ChunkingSettings settings;
  private final Consumer<Chunk> sink;
  private final int earliestCut;
  private final int latestCut;
  private final int targetCut;
  private final int frameLength;
  private final int hop;
  private final float[] buffer;
  private int fill;
  private long offset;
  private int sequence;
  private long acceptedCount;
  private boolean finished;

  /**
   * @param sampleRate rate of the samples (for converting the settings' seconds)
   * @param baseOffsetSamples offset of the first accepted sample in the whole recording, e.g. the
   *     silence trimmed before it
   */
  public Chunker(
      int sampleRate, ChunkingSettings settings, long baseOffsetSamples, Consumer<Chunk> sink) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is not positive");
    }
    if (baseOffsetSamples < 0) {
      throw new IllegalArgumentException("base offset " + baseOffsetSamples + " is negative");
    }
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sink = Objects.requireNonNull(sink, "sink");
    int max = Math.max(1, (int) Math.floor(settings.maxSeconds() * sampleRate));
    double target = settings.targetSeconds();
    double search = settings.searchSeconds();
    this.latestCut = clamp(seconds(target + search, sampleRate), 1, max);
    this.earliestCut = clamp(seconds(target - search, sampleRate), 1, latestCut);
    this.targetCut = clamp(seconds(target, sampleRate), earliestCut, latestCut);
    this.frameLength = Math.max(1, seconds(settings.frameSeconds(), sampleRate));
    this.hop = Math.max(1, frameLength / 2);
    this.buffer = new float[latestCut + 1];
    this.offset = baseOffsetSamples;
  }

  public ChunkingSettings settings() {
    return settings;
  }

  /**
   * Takes samples and emits every chunk that can be decided. Once it holds more than target +
   * search seconds, the chunker measures the mean energy of frames (of {@code frameSeconds}, every
   * half frame) centred between target - search and target + search from the chunk's start, picks
   * the quietest (ties go to the frame nearest the target) and cuts before that frame's quietest
   * sample, the point nearest a zero crossing. Each decision sees exactly that window, so chunks do
   * not depend on how the input is split into blocks. Concatenated, the chunks are exactly the
   * input, and their offsets are contiguous from the base offset. Not thread-safe.
   */
  public void accept(float[] samples, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    if (finished) {
      throw new IllegalStateException("chunker already finished");
    }
    acceptedCount += length;
    int done = 0;
    while (done < length) {
      int n = Math.min(length - done, buffer.length - fill);
      System.arraycopy(samples, offset + done, buffer, fill, n);
      fill += n;
      done += n;
      if (fill == buffer.length) {
        // More than target + search held: the whole search window is known.
        emit(findCut(), false);
      }
    }
  }

  /** Emits what remains as the last chunk; emits nothing when nothing was ever accepted. */
  public void finish() {
    if (finished) {
      throw new IllegalStateException("chunker already finished");
    }
    finished = true;
    if (fill > 0) {
      emit(fill, true);
    }
  }

  /** Samples accepted so far. */
  public long acceptedCount() {
    return acceptedCount;
  }

  /** Chunks emitted so far. */
  public int chunkCount() {
    return sequence;
  }

  private int findCut() {
    int bestCentre = targetCut;
    double bestEnergy = Double.POSITIVE_INFINITY;
    // Visit centres by distance from the target, so the first of equally quiet frames wins.
    int steps = (Math.max(targetCut - earliestCut, latestCut - targetCut) + hop - 1) / hop;
    for (int step = 0; step <= steps; step++) {
      for (int sign = 1; sign >= -1; sign -= 2) {
        if (step == 0 && sign < 0) {
          continue;
        }
        int centre = targetCut + sign * step * hop;
        if (centre < earliestCut || centre > latestCut) {
          continue;
        }
        double energy = frameEnergy(centre);
        if (energy < bestEnergy) {
          bestEnergy = energy;
          bestCentre = centre;
        }
      }
    }
    int from = Math.max(earliestCut, bestCentre - frameLength / 2);
    int to = Math.min(latestCut, bestCentre - frameLength / 2 + frameLength - 1);
    int cut = bestCentre;
    float quietest = Math.abs(buffer[cut]);
    for (int distance = 1; distance <= Math.max(bestCentre - from, to - bestCentre); distance++) {
      int later = bestCentre + distance;
      if (later <= to && Math.abs(buffer[later]) < quietest) {
        quietest = Math.abs(buffer[later]);
        cut = later;
      }
      int earlier = bestCentre - distance;
      if (earlier >= from && Math.abs(buffer[earlier]) < quietest) {
        quietest = Math.abs(buffer[earlier]);
        cut = earlier;
      }
    }
    return cut;
  }

  private double frameEnergy(int centre) {
    int start = Math.max(0, centre - frameLength / 2);
    int end = Math.min(fill, centre - frameLength / 2 + frameLength);
    double sum = 0.0;
    for (int i = start; i < end; i++) {
      sum += (double) buffer[i] * buffer[i];
    }
    return sum / (end - start);
  }

  private void emit(int length, boolean last) {
    float[] samples = Arrays.copyOf(buffer, length);
    System.arraycopy(buffer, length, buffer, 0, fill - length);
    fill -= length;
    sink.accept(new Chunk(sequence++, offset, samples, last));
    offset += length;
  }

  private static int clamp(int value, int low, int high) {
    return Math.max(low, Math.min(high, value));
  }

  private static int seconds(double seconds, int sampleRate) {
    return (int) Math.round(seconds * sampleRate);
  }
}
