package dev.earshot.audio.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private static final int RATE = 16000;
  private static final ChunkingSettings DEFAULTS = ChunkingSettings.defaults();

  @Test
  void keepsEveryInvariantOnRandomSignalsAndBlockSizes() {
    Random random = new Random(42);
    for (int trial = 0; trial < 30; trial++) {
      int length = 1 + random.nextInt(70 * RATE);
      float[] signal =
          switch (trial % 3) {
            case 0 -> Signals.noise(trial, length, 0.5);
            case 1 -> Signals.speechLike(trial, RATE, length);
            default -> withSilentGaps(Signals.noise(trial, length, 0.3), random);
          };
      long base = random.nextInt(100_000);

      List<Chunk> chunks = chunk(signal, DEFAULTS, base, random);

      assertInvariants(chunks, signal, base, DEFAULTS);
    }
  }

  @Test
  void cutsTheSameWhateverTheBlockSizes() {
    float[] signal = Signals.speechLike(7, RATE, 95 * RATE);
    List<Chunk> reference = chunk(signal, DEFAULTS, 0, null);

    for (long seed = 1; seed <= 5; seed++) {
      assertThat(chunk(signal, DEFAULTS, 0, new Random(seed))).isEqualTo(reference);
    }
  }

  @Test
  void cutsInsideAShortSilentGapNearTheTarget() {
    float[] signal = Signals.noise(1, 25 * RATE, 0.5);
    int gapStart = (int) (11.0 * RATE);
    int gapEnd = (int) (11.3 * RATE);
    for (int i = gapStart; i < gapEnd; i++) {
      signal[i] = 0f;
    }

    List<Chunk> chunks = chunk(signal, DEFAULTS, 0, null);

    assertThat(chunks.get(0).length()).isBetween(gapStart, gapEnd);
  }

  @Test
  void cutsAtTheQuietestSampleNearAZeroCrossing() {
    // A loud 50 Hz hum with one quiet dip: the cut lands in the dip, at its smallest sample.
    float[] signal = Signals.sine(50, RATE, 20 * RATE, 0.8);
    int dip = (int) (9.2 * RATE);
    for (int i = dip - 200; i < dip + 200; i++) {
      signal[i] *= 0.01f;
    }

    Chunk first = chunk(signal, DEFAULTS, 0, null).get(0);

    assertThat(first.length()).isBetween(dip - 200, dip + 200);
    assertThat(Math.abs(signal[first.length()])).isLessThan(0.0005f);
  }

  @Test
  void cutsAtTheTargetWhenEverythingIsEquallyQuiet() {
    List<Chunk> chunks = chunk(new float[25 * RATE], DEFAULTS, 0, null);

    assertThat(chunks.get(0).length()).isEqualTo(10 * RATE);
  }

  @Test
  void neverExceedsTheMaximumEvenWithATightWindow() {
    ChunkingSettings tight = new ChunkingSettings(5, 6, 1, 0.02);
    float[] signal = Signals.noise(3, 60 * RATE, 0.5);

    List<Chunk> chunks = chunk(signal, tight, 0, new Random(3));

    assertInvariants(chunks, signal, 0, tight);
    assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(6 * RATE));
  }

  @Test
  void emitsAShortInputAsOneLastChunk() {
    float[] signal = Signals.noise(4, 3 * RATE, 0.5);

    List<Chunk> chunks = chunk(signal, DEFAULTS, 500, null);

    assertThat(chunks).containsExactly(new Chunk(0, 500, signal, true));
  }

  @Test
  void emitsNothingWhenNothingWasAccepted() {
    List<Chunk> chunks = new ArrayList<>();
    Chunker chunker = new Chunker(RATE, DEFAULTS, 0, chunks::add);
    chunker.accept(new float[10], 0, 0);
    chunker.finish();

    assertThat(chunks).isEmpty();
  }

  @Test
  void marksTheLastChunkEvenWhenInputEndsRightAtACut() {
    // Exactly target + search + 1 samples: the first cut leaves at least one sample for the last.
    float[] signal = Signals.noise(5, 12 * RATE + 1, 0.5);

    List<Chunk> chunks = chunk(signal, DEFAULTS, 0, null);

    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(1).last()).isTrue();
    assertInvariants(chunks, signal, 0, DEFAULTS);
  }

  @Test
  void rejectsInconsistentSettings() {
    assertThatThrownBy(() -> new ChunkingSettings(0, 30, 0, 0.02))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target 0.0 s");
    assertThatThrownBy(() -> new ChunkingSettings(10, 30, 10, 0.02))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("search 10.0 s");
    assertThatThrownBy(() -> new ChunkingSettings(10, 11, 2, 0.02))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target 10.0 s + search 2.0 s exceeds max 11.0 s");
    assertThatThrownBy(() -> new ChunkingSettings(20, 31, 2, 0.02))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max 31.0 s exceeds Whisper's 30.0 s window");
    assertThatThrownBy(() -> new ChunkingSettings(10, 30, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frame 0.0 s");
    assertThatThrownBy(() -> new ChunkingSettings(Double.NaN, 30, 2, 0.02))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }

  static void assertInvariants(
      List<Chunk> chunks, float[] signal, long base, ChunkingSettings settings) {
    assertThat(chunks).isNotEmpty();
    long offset = base;
    int at = 0;
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      assertThat(chunk.sequence()).isEqualTo(i);
      assertThat(chunk.offsetSamples()).isEqualTo(offset);
      assertThat(chunk.last()).isEqualTo(i == chunks.size() - 1);
      assertThat(chunk.durationSeconds(RATE)).isLessThanOrEqualTo(settings.maxSeconds());
      for (int j = 0; j < chunk.length(); j++) {
        if (chunk.samples()[j] != signal[at + j]) {
          throw new AssertionError("chunk " + i + " sample " + j + " differs from the input");
        }
      }
      at += chunk.length();
      offset += chunk.length();
    }
    assertThat(at).isEqualTo(signal.length);
  }

  /** Feeds the signal in random blocks (or one block when random is null) and collects chunks. */
  static List<Chunk> chunk(float[] signal, ChunkingSettings settings, long base, Random random) {
    List<Chunk> chunks = new ArrayList<>();
    Chunker chunker = new Chunker(RATE, settings, base, chunks::add);
    for (int at = 0; at < signal.length; ) {
      int block = random == null ? signal.length : random.nextInt(20_000);
      block = Math.min(block, signal.length - at);
      chunker.accept(signal, at, block);
      at += block;
    }
    chunker.finish();
    return chunks;
  }

  private static float[] withSilentGaps(float[] signal, Random random) {
    for (int gap = 0; gap < signal.length / RATE; gap++) {
      int start = random.nextInt(signal.length);
      int length = random.nextInt(RATE);
      for (int i = start; i < Math.min(signal.length, start + length); i++) {
        signal[i] = 0f;
      }
    }
    return signal;
  }
}
