package dev.earshot.classify.features;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.ZeroCrossingRateProcessor;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.pitch.PitchProcessor;
import be.tarsos.dsp.pitch.PitchProcessor.PitchEstimationAlgorithm;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Mono samples in, {@link ChunkFeatures} out. TarsosDSP's {@link AudioDispatcher} frames the audio
 * and feeds one-step processors: the spectral descriptors and MFCCs of {@link Spectral},
 * TarsosDSP's zero-crossing rate, its FFT-based YIN pitch tracker and its complex-domain onset
 * detector (as {@link ComplexOnsets}, which computes the same onsets for a fraction of the cost).
 * Each call builds its own processor chain, so one extractor serves many threads.
 */
public final class FeatureExtractor {

  /** Scalar series in summary order. */
  public static final List<String> SERIES =
      List.of("rms", "zcr", "centroid", "bandwidth", "rolloff", "flatness", "pitch");

  private static final String[] STATS = {"mean", "std", "p10", "p50", "p90"};
  private static final int DELTA_WIDTH = 2;

  private final FeatureSettings settings;
  private final Spectral spectral;
  private final List<String> names;

  public FeatureExtractor(FeatureSettings settings) {
    this.settings = settings;
    this.spectral = new Spectral(settings);
    this.names = List.copyOf(summaryNames(settings));
  }

  public FeatureSettings settings() {
    return settings;
  }

  /** Names of the summary vector, in order; the same for every chunk. */
  public List<String> featureNames() {
    return names;
  }

  /**
   * @param samples mono audio at {@link FeatureSettings#sampleRate()}, in [-1, 1]
   * @throws IllegalArgumentException when there are no samples or a sample is not finite
   */
  public ChunkFeatures extract(float[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no audio to analyse: 0 samples");
    }
    for (int i = 0; i < samples.length; i++) {
      if (!Float.isFinite(samples[i])) {
        throw new IllegalArgumentException("sample " + i + " is not a finite number");
      }
    }
    AudioDispatcher dispatcher;
    try {
      // The factory copies the samples, so the caller's array is never changed.
      dispatcher =
          AudioDispatcherFactory.fromFloatArray(
              samples.clone(),
              settings.sampleRate(),
              settings.frameSize(),
              settings.frameSize() - settings.hopSize());
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalStateException("TarsosDSP refused 16-bit mono PCM: " + e.getMessage(), e);
    }
    int expectedFrames = samples.length / settings.hopSize() + 2;
    Frames frames = new Frames(expectedFrames);
    ZeroCrossingRateProcessor zcr = new ZeroCrossingRateProcessor();
    List<Double> onsets = new ArrayList<>();
    ComplexOnsets onsetDetector =
        new ComplexOnsets(settings.frameSize(), (time, salience) -> onsets.add(time));

    dispatcher.addAudioProcessor(frames);
    dispatcher.addAudioProcessor(zcr);
    dispatcher.addAudioProcessor(step(event -> frames.zcr.add(zcr.getZeroCrossingRate())));
    dispatcher.addAudioProcessor(
        new PitchProcessor(
            PitchEstimationAlgorithm.FFT_YIN,
            settings.sampleRate(),
            settings.frameSize(),
            (result, event) -> {
              float pitch = result.getPitch();
              boolean voiced =
                  result.isPitched()
                      && pitch >= settings.minPitchHz()
                      && pitch <= settings.maxPitchHz();
              frames.pitch.add(voiced ? pitch : Float.NaN);
            }));
    dispatcher.addAudioProcessor(onsetDetector);
    dispatcher.run();

    float[][] logMel = frames.logMel.toArray(new float[0][]);
    float[][] mfcc = frames.mfcc.toArray(new float[0][]);
    List<ChunkFeatures.Series> series =
        List.of(
            new ChunkFeatures.Series("rms", frames.rms.toArray()),
            new ChunkFeatures.Series("zcr", frames.zcr.toArray()),
            new ChunkFeatures.Series("centroid", frames.centroid.toArray()),
            new ChunkFeatures.Series("bandwidth", frames.bandwidth.toArray()),
            new ChunkFeatures.Series("rolloff", frames.rolloff.toArray()),
            new ChunkFeatures.Series("flatness", frames.flatness.toArray()),
            new ChunkFeatures.Series("pitch", frames.pitch.toArray()));
    double duration = (double) samples.length / settings.sampleRate();
    double[] onsetSeconds = onsets.stream().mapToDouble(Double::doubleValue).toArray();
    FeatureVector summary = summarise(series, mfcc, logMel, onsetSeconds.length / duration);
    return new ChunkFeatures(
        duration, settings.hopSeconds(), series, logMel, mfcc, onsetSeconds, summary);
  }

  private FeatureVector summarise(
      List<ChunkFeatures.Series> series, float[][] mfcc, float[][] logMel, double onsetRate) {
    float[] values = new float[names.size()];
    int i = 0;
    for (ChunkFeatures.Series s : series) {
      for (double v : Statistics.summarise(s.values())) {
        values[i++] = (float) v;
      }
    }
    values[i++] = (float) Statistics.finiteFraction(series.get(SERIES.indexOf("pitch")).values());
    values[i++] = (float) onsetRate;
    float[][] delta = deltas(mfcc);
    float[][] deltaDelta = deltas(delta);
    for (float[][] matrix : new float[][][] {mfcc, delta, deltaDelta}) {
      for (int c = 0; c < settings.mfccCoefficients(); c++) {
        for (double v : Statistics.meanStd(column(matrix, c))) {
          values[i++] = (float) v;
        }
      }
    }
    for (int b = 0; b < settings.melBands(); b++) {
      values[i++] = (float) Statistics.meanStd(column(logMel, b))[0];
    }
    return new FeatureVector(names, values);
  }

  private static List<String> summaryNames(FeatureSettings settings) {
    List<String> out = new ArrayList<>();
    for (String s : SERIES) {
      for (String stat : STATS) {
        out.add(s + "." + stat);
      }
    }
    out.add("voiced.fraction");
    out.add("onset.rate");
    for (String prefix : new String[] {"mfcc", "dmfcc", "ddmfcc"}) {
      for (int c = 0; c < settings.mfccCoefficients(); c++) {
        out.add(prefix + c + ".mean");
        out.add(prefix + c + ".std");
      }
    }
    for (int b = 0; b < settings.melBands(); b++) {
      out.add("mel" + b + ".mean");
    }
    return out;
  }

  /**
   * HTK regression deltas over ±2 frames with the edge frames repeated: {@code d_t = Σ n (c_{t+n} −
   * c_{t−n}) / (2 Σ n²)}.
   */
  static float[][] deltas(float[][] frames) {
    int t = frames.length;
    if (t == 0) {
      return frames;
    }
    int width = frames[0].length;
    float[][] out = new float[t][width];
    double denominator = 0.0;
    for (int n = 1; n <= DELTA_WIDTH; n++) {
      denominator += 2.0 * n * n;
    }
    for (int i = 0; i < t; i++) {
      for (int c = 0; c < width; c++) {
        double sum = 0.0;
        for (int n = 1; n <= DELTA_WIDTH; n++) {
          float ahead = frames[Math.min(t - 1, i + n)][c];
          float behind = frames[Math.max(0, i - n)][c];
          sum += n * (ahead - behind);
        }
        out[i][c] = (float) (sum / denominator);
      }
    }
    return out;
  }

  private static float[] column(float[][] matrix, int c) {
    float[] out = new float[matrix.length];
    for (int i = 0; i < matrix.length; i++) {
      out[i] = matrix[i][c];
    }
    return out;
  }

  private static AudioProcessor step(java.util.function.Consumer<AudioEvent> action) {
    return new AudioProcessor() {
      @Override
      public boolean process(AudioEvent event) {
        action.accept(event);
        return true;
      }

      @Override
      public void processingFinished() {}
    };
  }

  /** The per-frame spectral processor; also holds the series the other processors fill. */
  private final class Frames implements AudioProcessor {
    final FloatList rms;
    final FloatList zcr;
    final FloatList centroid;
    final FloatList bandwidth;
    final FloatList rolloff;
    final FloatList flatness;
    final FloatList pitch;
    final List<float[]> logMel;
    final List<float[]> mfcc;

    Frames(int capacity) {
      rms = new FloatList(capacity);
      zcr = new FloatList(capacity);
      centroid = new FloatList(capacity);
      bandwidth = new FloatList(capacity);
      rolloff = new FloatList(capacity);
      flatness = new FloatList(capacity);
      pitch = new FloatList(capacity);
      logMel = new ArrayList<>(capacity);
      mfcc = new ArrayList<>(capacity);
    }

    @Override
    public boolean process(AudioEvent event) {
      float[] frame = event.getFloatBuffer();
      double[] power = spectral.powerSpectrum(frame);
      double c = spectral.centroid(power);
      rms.add(AudioEvent.calculateRMS(frame));
      centroid.add(c);
      bandwidth.add(spectral.bandwidth(power, c));
      rolloff.add(spectral.rolloff(power));
      flatness.add(spectral.flatness(power));
      double[] mel = spectral.logMel(power);
      logMel.add(toFloat(mel));
      mfcc.add(toFloat(spectral.mfcc(mel)));
      return true;
    }

    @Override
    public void processingFinished() {}
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
