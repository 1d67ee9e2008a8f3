package dev.earshot.results.picture;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A small log-mel spectrogram of one audio chunk, kept per chunk in a state store and joined into
 * the picture of a whole recording by {@link Pictures#spectrogram}.
 *
 * <p>Frame {@code t} stands for the time {@code [offsetSeconds + t * hopSeconds, offsetSeconds + (t
 * + 1) * hopSeconds)} of the recording, so the frames of consecutive chunks tile without gaps or
 * overlap. {@code levels[frame * bands + band]} is the level of mel band {@code band} (0 = lowest
 * frequency), quantised as an unsigned byte: {@code 0..255} maps linearly onto {@link #MIN_DB}..
 * {@link #MAX_DB} dBFS ({@value #MIN_DB} .. {@value #MAX_DB}, about 0.39 dB a step), anything lower
 * reads 0 and anything higher 255. The scale is fixed rather than per chunk, so the chunks of one
 * recording can be drawn side by side with one colour scale. A full-scale sine reads about 0 dBFS
 * in the band centred on its frequency.
 *
 * <p>The bands are {@code bands} triangular filters with peak 1 on the HTK mel scale {@code mel =
 * 2595 log10(1 + hz / 700)}, spaced evenly in mel from 0 Hz to {@code maxHz}, as in torchaudio's
 * {@code MelSpectrogram} defaults ({@code mel_scale="htk"}, {@code norm=None}); band {@code i} is
 * centred on the mel value {@code (i + 1) * mel(maxHz) / (bands + 1)}.
 *
 * <p>Instances are immutable: the constructor and {@link #levels()} copy the array, and {@link
 * #equals}, {@link #hashCode} compare its contents.
 */
public record SpectrogramSketch(
    double offsetSeconds, double hopSeconds, int bands, int frames, double maxHz, byte[] levels) {

  /** The level that quantised value 0 stands for, in dBFS; quieter sound reads the same. */
  public static final double MIN_DB = -100.0;

  /** The level that quantised value 255 stands for, in dBFS; louder sound reads the same. */
  public static final double MAX_DB = 0.0;

  static final int BANDS = 64;
  static final double WINDOW_SECONDS = 0.032;
  static final double HOP_SECONDS = 0.020;
  static final int MIN_SAMPLE_RATE = 8000;

  private static final byte MAGIC_0 = 'E';
  private static final byte MAGIC_1 = 'S';
  private static final byte VERSION = 1;
  // magic (2), version (1), offset (8), hop (8), bands (4), frames (4), maxHz (8)
  private static final int HEADER_BYTES = 35;
  // A loose sanity bound for fromBytes: a state store value beyond it is corrupt, not a chunk.
  private static final int MAX_BANDS = 4096;

  private static final double MIN_ENERGY = Math.pow(10.0, MIN_DB / 10.0);

  // The front end for the usual rate, built once; it holds no mutable state, see Analysis.
  private static final Analysis AT_16K = new Analysis(16000);

  public SpectrogramSketch {
    if (!Double.isFinite(offsetSeconds)) {
      throw new IllegalArgumentException("offsetSeconds must be finite: " + offsetSeconds);
    }
    if (!(hopSeconds > 0) || !Double.isFinite(hopSeconds)) {
      throw new IllegalArgumentException("hopSeconds must be positive and finite: " + hopSeconds);
    }
    if (bands <= 0) {
      throw new IllegalArgumentException("bands must be positive: " + bands);
    }
    if (frames < 0) {
      throw new IllegalArgumentException("frames must not be negative: " + frames);
    }
    if (!(maxHz > 0) || !Double.isFinite(maxHz)) {
      throw new IllegalArgumentException("maxHz must be positive and finite: " + maxHz);
    }
    Objects.requireNonNull(levels, "levels");
    if (levels.length != (long) bands * frames) {
      throw new IllegalArgumentException(
          "levels must hold bands * frames = "
              + (long) bands * frames
              + " values, not "
              + levels.length);
    }
    levels = levels.clone();
  }

  /**
   * The sketch of {@code samples}, mono audio in [-1, 1] at {@code sampleRate} Hz (16 kHz expected;
   * any rate from 8 kHz works), that start {@code offsetSeconds} into the recording.
   *
   * <p>Periodic Hann window of 32 ms (512 samples at 16 kHz, zero-padded to a power of two at other
   * rates), hop of 20 ms, {@value #BANDS} HTK mel bands from 0 Hz to {@code sampleRate / 2}. Frame
   * {@code t} is centred on the middle of its hop, {@code (t + 0.5) * hop}, except that the first
   * and last windows are moved inside the chunk, so {@code samples.length / hop} frames cover the
   * chunk exactly. Input shorter than one window gives no frames.
   */
  public static SpectrogramSketch of(float[] samples, int sampleRate, double offsetSeconds) {
    Objects.requireNonNull(samples, "samples");
    if (sampleRate < MIN_SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "sampleRate must be at least " + MIN_SAMPLE_RATE + " Hz: " + sampleRate);
    }
    Analysis analysis = sampleRate == AT_16K.sampleRate ? AT_16K : new Analysis(sampleRate);
    return analysis.sketch(samples, offsetSeconds);
  }

  /** A copy of the quantised levels, {@code levels[frame * bands + band]}, unsigned. */
  @Override
  public byte[] levels() {
    return levels.clone();
  }

  /** The quantised level (0..255) of {@code band} in {@code frame}. */
  public int level(int frame, int band) {
    Objects.checkIndex(frame, frames);
    Objects.checkIndex(band, bands);
    return levels[frame * bands + band] & 0xFF;
  }

  /** End of the last frame in recording time: {@code offsetSeconds + frames * hopSeconds}. */
  double endSeconds() {
    return offsetSeconds + frames * hopSeconds;
  }

  /** The loudest quantised level of any frame and band, or -1 when there are no frames. */
  int maxLevel() {
    int max = -1;
    for (byte b : levels) {
      max = Math.max(max, b & 0xFF);
    }
    return max;
  }

  /** dBFS that quantised {@code level} stands for. */
  static double decibels(double level) {
    return MIN_DB + level * (MAX_DB - MIN_DB) / 255.0;
  }

  static int quantise(double decibels) {
    double q = Math.rint((decibels - MIN_DB) * 255.0 / (MAX_DB - MIN_DB));
    return q <= 0 ? 0 : q >= 255 ? 255 : (int) q;
  }

  static double hzToMel(double hz) {
    return 2595.0 * Math.log10(1.0 + hz / 700.0);
  }

  static double melToHz(double mel) {
    return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
  }

  /** Mel distance between neighbouring band centres. */
  double melStep() {
    return hzToMel(maxHz) / (bands + 1);
  }

  /**
   * Big-endian: magic {@code 'E' 'S'}, version byte (1), offsetSeconds and hopSeconds (double),
   * bands and frames (int), maxHz (double), then the {@code bands * frames} level bytes.
   */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + levels.length);
    out.put(MAGIC_0).put(MAGIC_1).put(VERSION);
    out.putDouble(offsetSeconds).putDouble(hopSeconds);
    out.putInt(bands).putInt(frames);
    out.putDouble(maxHz);
    out.put(levels);
    return out.array();
  }

  /**
   * Reads what {@link #toBytes()} wrote.
   *
   * @throws IllegalArgumentException naming the problem when {@code bytes} is not a sketch of a
   *     known version, is truncated or has bytes left over
   */
  public static SpectrogramSketch fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < 3 || bytes[0] != MAGIC_0 || bytes[1] != MAGIC_1) {
      throw new IllegalArgumentException("not a spectrogram sketch: bad magic bytes");
    }
    if (bytes[2] != VERSION) {
      throw new IllegalArgumentException(
          "unsupported spectrogram sketch version " + (bytes[2] & 0xFF) + ", expected " + VERSION);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(3);
    try {
      double offset = in.getDouble();
      double hop = in.getDouble();
      int bands = in.getInt();
      int frames = in.getInt();
      double maxHz = in.getDouble();
      if (bands <= 0 || bands > MAX_BANDS) {
        throw new IllegalArgumentException("corrupt spectrogram sketch: bands = " + bands);
      }
      if (frames < 0) {
        throw new IllegalArgumentException("corrupt spectrogram sketch: frames = " + frames);
      }
      long size = (long) bands * frames;
      if (in.remaining() != size) {
        throw new IllegalArgumentException(
            "corrupt spectrogram sketch: "
                + bands
                + " bands x "
                + frames
                + " frames need "
                + size
                + " level bytes, found "
                + in.remaining());
      }
      byte[] levels = new byte[(int) size];
      in.get(levels);
      return new SpectrogramSketch(offset, hop, bands, frames, maxHz, levels);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException(
          "truncated spectrogram sketch: " + bytes.length + " bytes, header needs " + HEADER_BYTES,
          e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpectrogramSketch s
        && Double.compare(offsetSeconds, s.offsetSeconds) == 0
        && Double.compare(hopSeconds, s.hopSeconds) == 0
        && bands == s.bands
        && frames == s.frames
        && Double.compare(maxHz, s.maxHz) == 0
        && Arrays.equals(levels, s.levels);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(offsetSeconds, hopSeconds, bands, frames, maxHz);
    return 31 * h + Arrays.hashCode(levels);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "SpectrogramSketch[offsetSeconds=%s, hopSeconds=%s, bands=%d, frames=%d, maxHz=%s]",
        offsetSeconds,
        hopSeconds,
        bands,
        frames,
        maxHz);
  }

  /**
   * Window, FFT plan and filterbank for one sample rate. Immutable after construction: JTransforms
   * writes its tables only in the constructor, and a power-of-two plan allocates nothing per call,
   * so one instance serves every thread.
   */
  private static final class Analysis {

    private final int sampleRate;
    private final int windowLength;
    private final int hop;
    private final int nFft;
    private final double[] window;
    private final DoubleFFT_1D fft;
    private final double powerScale;
    private final int[] filterStart;
    private final double[][] filterWeights;

    Analysis(int sampleRate) {
      this.sampleRate = sampleRate;
      this.windowLength = (int) Math.round(WINDOW_SECONDS * sampleRate);
      this.hop = (int) Math.round(HOP_SECONDS * sampleRate);
      this.nFft = Integer.highestOneBit(windowLength - 1) << 1;
      this.window = new double[windowLength];
      double sumSquares = 0;
      for (int n = 0; n < windowLength; n++) {
        window[n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / windowLength);
        sumSquares += window[n] * window[n];
      }
      // By Parseval a sine of amplitude A puts A^2 * nFft * sumSquares / 4 into the positive
      // half of the spectrum; this scale makes that sum A^2, so a full-scale sine reads 0 dBFS
      // whatever the window length and zero padding.
      this.powerScale = 4.0 / (nFft * sumSquares);
      this.fft = new DoubleFFT_1D(nFft);
      this.filterStart = new int[BANDS];
      this.filterWeights = new double[BANDS][];
      buildFilters();
    }

    private void buildFilters() {
      int bins = nFft / 2 + 1;
      double nyquist = sampleRate / 2.0;
      double melMax = hzToMel(nyquist);
      double[] edges = new double[BANDS + 2];
      for (int i = 0; i < edges.length; i++) {
        edges[i] = melToHz(melMax * i / (BANDS + 1));
      }
      double binHz = (double) sampleRate / nFft;
      for (int m = 0; m < BANDS; m++) {
        double lower = edges[m];
        double centre = edges[m + 1];
        double upper = edges[m + 2];
        int first = (int) Math.floor(lower / binHz) + 1;
        int last = Math.min(bins - 1, (int) Math.ceil(upper / binHz) - 1);
        double[] w = new double[Math.max(0, last - first + 1)];
        for (int k = first; k <= last; k++) {
          double hz = k * binHz;
          double rising = (hz - lower) / (centre - lower);
          double falling = (upper - hz) / (upper - centre);
          w[k - first] = Math.max(0.0, Math.min(rising, falling));
        }
        if (w.length == 0) {
          // A filter narrower than one bin would stay silent forever; let it read its nearest bin.
          first = Math.min(bins - 1, (int) Math.round(centre / binHz));
          w = new double[] {1.0};
        }
        filterStart[m] = first;
        filterWeights[m] = w;
      }
    }

    SpectrogramSketch sketch(float[] samples, double offsetSeconds) {
      int n = samples.length;
      int frames = n < windowLength ? 0 : n / hop;
      byte[] levels = new byte[frames * BANDS];
      double[] buffer = new double[nFft];
      double[] power = new double[nFft / 2 + 1];
      // Centring each window on the middle of its hop makes frame t describe [t, t + 1) * hop.
      int lead = (windowLength - hop) / 2;
      for (int t = 0; t < frames; t++) {
        // The first and last windows would reach past the chunk; shifting them inside by a few
        // ms beats padding, whose step to silence smears across all bands at every chunk edge.
        int first = Math.max(0, Math.min(n - windowLength, t * hop - lead));
        if (!fill(samples, first, buffer)) {
          continue; // all zeros: every band stays at level 0
        }
        fft.realForward(buffer);
        // realForward packs Re[0] and Re[n/2] into the first two slots, then (Re, Im) pairs.
        power[0] = buffer[0] * buffer[0] * powerScale;
        power[nFft / 2] = buffer[1] * buffer[1] * powerScale;
        for (int k = 1; k < nFft / 2; k++) {
          double re = buffer[2 * k];
          double im = buffer[2 * k + 1];
          power[k] = (re * re + im * im) * powerScale;
        }
        int base = t * BANDS;
        for (int m = 0; m < BANDS; m++) {
          double[] w = filterWeights[m];
          int start = filterStart[m];
          double energy = 0;
          for (int k = 0; k < w.length; k++) {
            energy += w[k] * power[start + k];
          }
          if (energy > MIN_ENERGY) {
            levels[base + m] = (byte) quantise(10.0 * Math.log10(energy));
          }
        }
      }
      return new SpectrogramSketch(
          offsetSeconds, (double) hop / sampleRate, BANDS, frames, sampleRate / 2.0, levels);
    }

    /**
     * Writes the windowed samples from {@code first} into {@code buffer}, zero beyond the window;
     * returns false when the window holds only zeros.
     */
    private boolean fill(float[] samples, int first, double[] buffer) {
      boolean sound = false;
      for (int k = 0; k < windowLength; k++) {
        double x = samples[first + k];
        sound |= x != 0.0;
        buffer[k] = x * window[k];
      }
      Arrays.fill(buffer, windowLength, nFft, 0.0);
      return sound;
    }
  }
}
