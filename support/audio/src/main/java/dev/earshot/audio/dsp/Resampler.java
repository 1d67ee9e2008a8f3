package dev.earshot.audio.dsp;

import dev.earshot.audio.SampleRates;
import java.util.Arrays;
import java.util.Objects;

/** Mono samples at one rate in, the same band-limited signal at another rate out, streaming. */
public final class Resampler {

  private static final int OUTPUT_BLOCK = 4096;
  private static final int INPUT_BLOCK = 8192;

  /**
   * Outputs computed together: outputs {@code up} apart share a coefficient row, so one pass over
   * the row serves four of them, saving loads (about 1.6 times faster on x86).
   */
  private static final int GROUP = 4;

  private final int inRate;
  private final int outRate;
  private final boolean passThrough;
  private final SincKernel kernel;
  private final int taps;
  private final int half;
  private final int down;
  private final int stepWhole;
  private final int stepFraction;

  private float[] history;
  private int historyLength;
  private long historyStart;

  private long position;
  private int phase;
  private long inputCount;
  private long outputCount;
  private boolean finished;
  private final float[] output;

  /**
   * Creates a converter (one per stream, not thread-safe) from {@code inRate} to {@code outRate}
   * Hz, both within {@link SampleRates#MIN}..{@link SampleRates#MAX}. Equal rates copy the input
   * unchanged. Otherwise the signal passes a polyphase Kaiser-windowed sinc low-pass, designed for
   * the ratio reduced by the gcd to {@code up/down}: cut-off at 0.95 of the lower Nyquist
   * frequency, flat pass band (ripple far below 0.01 dB) up to 0.9 of it, and a stop band from the
   * lower Nyquist frequency on, attenuated by more than 80 dB (design target 90 dB; 344 taps per
   * output sample from 48 kHz to 16 kHz). When one table row per phase would take more than about a
   * million coefficients (12347 Hz to 16 kHz has 16000 phases) the table holds a grid of fractional
   * positions instead, and coefficients are interpolated linearly between rows, with an error about
   * 100 dB below the signal. Coefficient tables are shared between instances.
   */
  public Resampler(int inRate, int outRate) {
    this.inRate = SampleRates.require(inRate, "input sample rate");
    this.outRate = SampleRates.require(outRate, "output sample rate");
    int gcd = gcd(inRate, outRate);
    int up = outRate / gcd;
    int down = inRate / gcd;
    this.passThrough = up == down;
    this.down = down;
    if (passThrough) {
      kernel = null;
      taps = 0;
      half = 0;
      stepWhole = 1;
      stepFraction = 0;
      output = new float[OUTPUT_BLOCK];
      return;
    }
    kernel = SincKernel.forRatio(up, down);
    taps = kernel.taps;
    half = kernel.half;
    stepWhole = down / up;
    stepFraction = down % up;
    if (kernel.exact) {
      int group = GROUP * up;
      output = new float[Math.max(1, OUTPUT_BLOCK / group) * group];
      history = new float[taps + GROUP * down + INPUT_BLOCK];
    } else {
      output = new float[OUTPUT_BLOCK];
      history = new float[taps + INPUT_BLOCK];
    }
    // Zeros standing for the input before time 0, so the first outputs see a zero-padded start.
    historyLength = half - 1;
    historyStart = -(half - 1);
  }

  /**
   * The number of output samples a whole input of {@code inputLength} samples gives: {@code
   * ceil(inputLength * outRate / inRate)}, one for every output instant {@code k * inRate /
   * outRate} (in input samples) that falls inside the input.
   */
  public static long outputLength(long inputLength, int inRate, int outRate) {
    if (inputLength < 0) {
      throw new IllegalArgumentException("input length " + inputLength + " is negative");
    }
    int gcd = gcd(SampleRates.require(inRate, "input sample rate"), outRate);
    long up = SampleRates.require(outRate, "output sample rate") / gcd;
    long down = inRate / gcd;
    // Split so that the product cannot overflow for any realistic length.
    return inputLength / down * up + ((inputLength % down) * up + down - 1) / down;
  }

  /** Converts a whole signal in one call. */
  public static float[] resample(float[] signal, int inRate, int outRate) {
    long length = outputLength(signal.length, inRate, outRate);
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "resampled signal of " + length + " samples does not fit in an array");
    }
    float[] result = new float[(int) length];
    int[] filled = {0};
    FloatSink collect =
        (samples, offset, count) -> {
          System.arraycopy(samples, offset, result, filled[0], count);
          filled[0] += count;
        };
    Resampler resampler = new Resampler(inRate, outRate);
    resampler.process(signal, 0, signal.length, collect);
    resampler.finish(collect);
    return result;
  }

  public int inputRate() {
    return inRate;
  }

  public int outputRate() {
    return outRate;
  }

  /** Input samples accepted so far. */
  public long inputCount() {
    return inputCount;
  }

  /** Output samples produced so far. */
  public long outputCount() {
    return outputCount;
  }

  /**
   * Feeds {@code length} input samples and passes every output sample that no longer depends on
   * future input to {@code sink}, in runs of a few thousand. Output sample {@code k} is the
   * band-limited input at time {@code k * inRate / outRate} input samples: the filter is centred on
   * that instant, so there is no delay, and the input counts as zero before its first sample. The
   * output is bit for bit the same however the input is split into blocks. Outputs may wait for up
   * to four times the reduced output factor of further input (640 samples from 44.1 to 16 kHz, 4
   * from 48 kHz) because they are computed in groups. Returns the number of output samples produced
   * by this call.
   */
  public int process(float[] input, int offset, int length, FloatSink sink) {
    Objects.checkFromIndexSize(offset, length, input.length);
    Objects.requireNonNull(sink, "sink");
    if (finished) {
      throw new IllegalStateException("resampler already finished");
    }
    inputCount += length;
    if (passThrough) {
      for (int done = 0; done < length; ) {
        int n = Math.min(OUTPUT_BLOCK, length - done);
        System.arraycopy(input, offset + done, output, 0, n);
        sink.accept(output, 0, n);
        done += n;
      }
      outputCount += length;
      return length;
    }
    int produced = 0;
    int done = 0;
    while (done < length) {
      compact();
      int n = Math.min(length - done, history.length - historyLength);
      System.arraycopy(input, offset + done, history, historyLength, n);
      historyLength += n;
      done += n;
      produced += drain(sink, Long.MAX_VALUE, false);
    }
    return produced;
  }

  /**
   * Flushes the outputs that need input past the end (taken as zero) and ends the stream. Returns
   * the number of output samples produced by this call.
   */
  public int finish(FloatSink sink) {
    Objects.requireNonNull(sink, "sink");
    if (finished) {
      throw new IllegalStateException("resampler already finished");
    }
    finished = true;
    if (passThrough) {
      return 0;
    }
    long total = outputLength(inputCount, inRate, outRate);
    compact();
    int padding = taps - half;
    if (historyLength + padding > history.length) {
      float[] grown = new float[historyLength + padding];
      System.arraycopy(history, 0, grown, 0, historyLength);
      history = grown;
    }
    Arrays.fill(history, historyLength, historyLength + padding, 0f);
    historyLength += padding;
    return drain(sink, total, true);
  }

  /** Drops history that no future output needs. */
  private void compact() {
    int first = (int) (position - (half - 1) - historyStart);
    if (first > 0) {
      System.arraycopy(history, first, history, 0, historyLength - first);
      historyLength -= first;
      historyStart += first;
    }
  }

  /**
   * Computes the outputs the history allows, up to output {@code limit}. Exact tables go four rows'
   * worth at a time and, until the end, leave a partial group for later: every output is computed
   * with the same arithmetic either way, so the blocks fed in do not change any bit.
   */
  private int drain(FloatSink sink, long limit, boolean end) {
    int produced = kernel.exact ? drainGroups(sink, limit) : 0;
    if (!kernel.exact || end) {
      produced += drainSingles(sink, limit);
    }
    return produced;
  }

  private int drainGroups(FloatSink sink, long limit) {
    int up = kernel.up;
    int group = GROUP * up;
    float[] table = kernel.table;
    int fill = 0;
    int produced = 0;
    while (outputCount + group <= limit) {
      // The group's last output starts at most GROUP * down input samples after its first.
      int first = (int) (position - (half - 1) - historyStart);
      if (first + GROUP * down + taps > historyLength) {
        break;
      }
      for (int r = 0; r < up; r++) {
        int start = (int) (position - (half - 1) - historyStart);
        dot4(history, start, down, table, phase * taps, taps, output, fill + r, up);
        advance();
      }
      // The loop stepped over the first quarter; the other three quarters are computed too.
      position += (long) (GROUP - 1) * down;
      outputCount += group;
      produced += group;
      fill += group;
      if (fill == output.length) {
        sink.accept(output, 0, fill);
        fill = 0;
      }
    }
    if (fill > 0) {
      sink.accept(output, 0, fill);
    }
    return produced;
  }

  private int drainSingles(FloatSink sink, long limit) {
    float[] table = kernel.table;
    int fill = 0;
    int produced = 0;
    while (outputCount < limit) {
      int start = (int) (position - (half - 1) - historyStart);
      if (start + taps > historyLength) {
        break;
      }
      if (kernel.exact) {
        output[fill++] = dot(history, start, table, phase * taps, taps);
      } else {
        long scaled = (long) phase * kernel.grid;
        int row = (int) (scaled / kernel.up);
        float weight = (float) (scaled % kernel.up) / kernel.up;
        output[fill++] = interpolatedDot(history, start, table, row * taps, taps, weight);
      }
      if (fill == output.length) {
        sink.accept(output, 0, fill);
        fill = 0;
      }
      outputCount++;
      produced++;
      advance();
    }
    if (fill > 0) {
      sink.accept(output, 0, fill);
    }
    return produced;
  }

  /** Moves to the next output instant: {@code down / up} input samples later. */
  private void advance() {
    position += stepWhole;
    phase += stepFraction;
    if (phase >= kernel.up) {
      phase -= kernel.up;
      position++;
    }
  }

  /** One output: even and odd taps summed separately, exactly as {@link #dot4} does. */
  private static float dot(float[] x, int xOffset, float[] c, int cOffset, int n) {
    float even = 0f;
    float odd = 0f;
    for (int i = 0; i < n; i += 2) {
      even += x[xOffset + i] * c[cOffset + i];
      odd += x[xOffset + i + 1] * c[cOffset + i + 1];
    }
    return even + odd;
  }

  /**
   * Four outputs sharing the row at {@code cOffset}, their inputs {@code spacing} apart, written
   * {@code stride} apart from {@code outOffset}.
   */
  private static void dot4(
      float[] x,
      int xOffset,
      int spacing,
      float[] c,
      int cOffset,
      int n,
      float[] out,
      int outOffset,
      int stride) {
    int x0 = xOffset;
    int x1 = xOffset + spacing;
    int x2 = xOffset + 2 * spacing;
    int x3 = xOffset + 3 * spacing;
    float even0 = 0f;
    float odd0 = 0f;
    float even1 = 0f;
    float odd1 = 0f;
    float even2 = 0f;
    float odd2 = 0f;
    float even3 = 0f;
    float odd3 = 0f;
    for (int i = 0; i < n; i += 2) {
      float ce = c[cOffset + i];
      float co = c[cOffset + i + 1];
      even0 += x[x0 + i] * ce;
      odd0 += x[x0 + i + 1] * co;
      even1 += x[x1 + i] * ce;
      odd1 += x[x1 + i + 1] * co;
      even2 += x[x2 + i] * ce;
      odd2 += x[x2 + i + 1] * co;
      even3 += x[x3 + i] * ce;
      odd3 += x[x3 + i + 1] * co;
    }
    out[outOffset] = even0 + odd0;
    out[outOffset + stride] = even1 + odd1;
    out[outOffset + 2 * stride] = even2 + odd2;
    out[outOffset + 3 * stride] = even3 + odd3;
  }

  /** Dot product with the row at {@code cOffset} blended towards the next row by {@code weight}. */
  private static float interpolatedDot(
      float[] x, int xOffset, float[] c, int cOffset, int n, float weight) {
    int next = cOffset + n;
    float a0 = 0f;
    float a1 = 0f;
    float b0 = 0f;
    float b1 = 0f;
    for (int i = 0; i < n; i += 2) {
      float x0 = x[xOffset + i];
      float x1 = x[xOffset + i + 1];
      a0 += x0 * c[cOffset + i];
      a1 += x1 * c[cOffset + i + 1];
      b0 += x0 * c[next + i];
      b1 += x1 * c[next + i + 1];
    }
    float a = a0 + a1;
    float b = b0 + b1;
    return a + weight * (b - a);
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
