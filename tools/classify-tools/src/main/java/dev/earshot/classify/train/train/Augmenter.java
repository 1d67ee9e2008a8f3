package dev.earshot.classify.train;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.WaveformSimilarityBasedOverlapAdd;
import be.tarsos.dsp.filters.HighPass;
import be.tarsos.dsp.filters.LowPassFS;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.resample.RateTransposer;
import dev.earshot.audio.dsp.Resampler;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Mono samples in, a perturbed copy out, for training examples that do not all sound alike: white
 * noise at a signal-to-noise ratio, gain, time shift, pitch shift and time stretch (TarsosDSP's
 * WSOLA, with its rate transposer for pitch), telephone band. Spectrogram masking lives in {@link
 * SpecAugment}.
 */
public final class Augmenter {

  private static final float TELEPHONE_LOW_HZ = 300f;
  private static final float TELEPHONE_HIGH_HZ = 3400f;
  private static final int TELEPHONE_RATE = 8_000;
  private static final double MU = 255.0;

  private final int sampleRate;

  public Augmenter(int sampleRate) {
    this.sampleRate = sampleRate;
  }

  /** Adds white noise so that signal power over noise power is {@code snrDb}. */
  public float[] addNoise(float[] x, double snrDb, Random random) {
    double rms = rms(x);
    double noiseRms = (rms > 0 ? rms : 1e-3) / Math.pow(10.0, snrDb / 20.0);
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = clip(x[i] + random.nextGaussian() * noiseRms);
    }
    return out;
  }

  /** Scales by {@code db} decibels, clipping at full scale. */
  public float[] gain(float[] x, double db) {
    double factor = Math.pow(10.0, db / 20.0);
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = clip(x[i] * factor);
    }
    return out;
  }

  /** Moves the audio by {@code seconds} (later if positive), filling with silence. */
  public float[] shift(float[] x, double seconds) {
    int by = (int) Math.round(seconds * sampleRate);
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      int from = i - by;
      if (from >= 0 && from < x.length) {
        out[i] = x[from];
      }
    }
    return out;
  }

  /** Plays {@code tempo} times as fast (1.25 = 20% shorter) at the same pitch. */
  public float[] stretch(float[] x, double tempo) {
    if (!(tempo > 0.25 && tempo < 4.0)) {
      throw new IllegalArgumentException("tempo must be in (0.25, 4): " + tempo);
    }
    return run(x, tempo, false);
  }

  /** Raises the pitch by {@code semitones} (lowers if negative) at the same duration. */
  public float[] pitch(float[] x, double semitones) {
    if (Math.abs(semitones) > 12.0) {
      throw new IllegalArgumentException("pitch shift must be within ±12 semitones: " + semitones);
    }
    // WSOLA slows down by the factor, then resampling by the same factor speeds back up and
    // raises the pitch (TarsosDSP's pitch-shifting recipe).
    double factor = 1.0 / Math.pow(2.0, semitones / 12.0);
    return run(x, factor, true);
  }

  /**
   * Sounds as if it came over a telephone line: band-passed to about 300–3400 Hz (TarsosDSP's IIR
   * filters: four single-pole high-passes at 300 Hz, a four-stage low-pass at 3400 Hz), taken down
   * to 8 kHz and back up (the resampler's anti-aliasing filter removes everything above 4 kHz) and,
   * if asked, quantised to 8-bit µ-law as G.711 codes it. Same length as the input.
   */
  public float[] telephone(float[] x, boolean muLaw) {
    AudioDispatcher dispatcher = dispatcher(x, 1024, 0);
    for (int i = 0; i < 4; i++) {
      dispatcher.addAudioProcessor(new HighPass(TELEPHONE_LOW_HZ, sampleRate));
    }
    dispatcher.addAudioProcessor(new LowPassFS(TELEPHONE_HIGH_HZ, sampleRate));
    Collector collector = new Collector();
    dispatcher.addAudioProcessor(collector);
    dispatcher.run();
    float[] band = Arrays.copyOf(collector.samples(), x.length);
    int narrow = Math.min(sampleRate, TELEPHONE_RATE);
    float[] line = Resampler.resample(band, sampleRate, narrow);
    if (muLaw) {
      for (int i = 0; i < line.length; i++) {
        line[i] = muLaw(line[i]);
      }
    }
    return Arrays.copyOf(Resampler.resample(line, narrow, sampleRate), x.length);
  }

  /** Rounds to the nearest of the 256 levels of continuous µ-law (µ = 255). */
  static float muLaw(float v) {
    double c = Math.max(-1.0, Math.min(1.0, v));
    double compressed = Math.signum(c) * Math.log1p(MU * Math.abs(c)) / Math.log1p(MU);
    double level = Math.round(compressed * 127.5 - 0.5) + 0.5; // 256 codes, none at zero
    double q = Math.max(-1.0, Math.min(1.0, level / 127.5));
    return (float) (Math.signum(q) * Math.expm1(Math.abs(q) * Math.log1p(MU)) / MU);
  }

  private AudioDispatcher dispatcher(float[] samples, int bufferSize, int overlap) {
    try {
      return AudioDispatcherFactory.fromFloatArray(samples, sampleRate, bufferSize, overlap);
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalStateException("TarsosDSP refused 16-bit mono PCM", e);
    }
  }

  private float[] run(float[] x, double tempo, boolean transpose) {
    WaveformSimilarityBasedOverlapAdd wsola =
        quietly(WaveformSimilarityBasedOverlapAdd.Parameters.speechDefaults(tempo, sampleRate));
    // Padding so the last partial WSOLA block is not lost.
    float[] padded = new float[x.length + wsola.getInputBufferSize()];
    System.arraycopy(x, 0, padded, 0, x.length);
    AudioDispatcher dispatcher = dispatcher(padded, wsola.getInputBufferSize(), wsola.getOverlap());
    wsola.setDispatcher(dispatcher);
    dispatcher.addAudioProcessor(wsola);
    if (transpose) {
      dispatcher.addAudioProcessor(new RateTransposer(tempo));
    }
    Collector collector = new Collector();
    dispatcher.addAudioProcessor(collector);
    dispatcher.run();
    float[] out = collector.samples();
    int expected = (int) Math.round(transpose ? x.length : x.length / tempo);
    float[] trimmed = new float[expected];
    System.arraycopy(out, 0, trimmed, 0, Math.min(expected, out.length));
    return trimmed;
  }

  /**
   * TarsosDSP's WSOLA prints "New overlapLength..." to stdout when it sizes its buffers, which
   * would interleave with the tables the commands print; stdout is muted only while it is built.
   */
  private static synchronized WaveformSimilarityBasedOverlapAdd quietly(
      WaveformSimilarityBasedOverlapAdd.Parameters parameters) {
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return new WaveformSimilarityBasedOverlapAdd(parameters);
    } finally {
      System.setOut(stdout);
    }
  }

  private static double rms(float[] x) {
    double sum = 0.0;
    for (float v : x) {
      sum += v * v;
    }
    return x.length == 0 ? 0.0 : Math.sqrt(sum / x.length);
  }

  private static float clip(double v) {
    return (float) Math.max(-1.0, Math.min(1.0, v));
  }

  /** Keeps every buffer the chain hands on. */
  private static final class Collector implements AudioProcessor {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public boolean process(AudioEvent event) {
      float[] buffer = event.getFloatBuffer();
      ByteBuffer b =
          ByteBuffer.allocate(buffer.length * Float.BYTES).order(ByteOrder.nativeOrder());
      b.asFloatBuffer().put(buffer);
      bytes.writeBytes(b.array());
      return true;
    }

    @Override
    public void processingFinished() {}

    float[] samples() {
      ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.nativeOrder());
      float[] out = new float[b.remaining() / Float.BYTES];
      b.asFloatBuffer().get(out);
      return out;
    }
  }
}
