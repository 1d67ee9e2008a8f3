package dev.earshot.classify.features;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.onsets.ComplexOnsetDetector;
import be.tarsos.dsp.onsets.OnsetHandler;
import be.tarsos.dsp.util.PeakPicker;
import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import java.util.Arrays;

/**
 * TarsosDSP's {@link ComplexOnsetDetector} (complex-domain onset detection after Duxbury et al.,
 * translated from aubio) with the same window, detection function, peak picker, silence gate and
 * timing, but without its per-bin trigonometry. The detector predicts each bin's phase as {@code 2
 * θ₁ − θ₂} and sums {@code |X₁|² + |X|² − 2 |X₁| |X| cos(2 θ₁ − θ₂ − φ)}; TarsosDSP takes an arc
 * tangent per bin for the phases and a cosine for the difference, which made it about half of all
 * feature extraction. The cosine of a sum of phases is the real part of a product of unit phasors,
 * so here it costs a few multiplications. A test checks the onsets against TarsosDSP's own on real
 * audio.
 */
final class ComplexOnsets implements AudioProcessor {

  // ComplexOnsetDetector's defaults.
  private static final double PEAK_THRESHOLD = 0.3;
  private static final double MINIMUM_INTER_ONSET_SECONDS = 0.03;
  private static final double SILENCE_DB_SPL = -70.0;

  private final FFT fft;
  private final PeakPicker peakPicker = new PeakPicker(PEAK_THRESHOLD);
  private final OnsetHandler handler;
  private final int bins;
  private final float[] magnitude;
  // Unit phasors of each bin one and two frames behind; before any frame, phase 0.
  private final double[] re1;
  private final double[] im1;
  private final double[] re2;
  private final double[] im2;
  private double lastOnset;

  ComplexOnsets(int frameSize, OnsetHandler handler) {
    this.fft = new FFT(frameSize, new HannWindow());
    this.handler = handler;
    // As TarsosDSP: bins 0 .. n/2 - 1, the Nyquist bin left out.
    this.bins = frameSize / 2;
    this.magnitude = new float[bins];
    this.re1 = new double[bins];
    this.im1 = new double[bins];
    this.re2 = new double[bins];
    this.im2 = new double[bins];
    Arrays.fill(re1, 1.0);
    Arrays.fill(re2, 1.0);
  }

  @Override
  public boolean process(AudioEvent event) {
    float[] data = event.getFloatBuffer().clone();
    fft.forwardTransform(data);
    float onsetValue = 0;
    for (int j = 0; j < bins; j++) {
      float m;
      double re;
      double im;
      if (j == 0) {
        // TarsosDSP's bin 0: "magnitude" minus the DC term, phase π.
        m = -data[0];
        re = -1.0;
        im = 0.0;
      } else {
        float x = data[2 * j];
        float y = data[2 * j + 1];
        m = (float) Math.sqrt(x * x + y * y);
        // atan2(0, 0) is 0: a silent bin has phase 0.
        re = m > 0 ? x / (double) m : 1.0;
        im = m > 0 ? y / (double) m : 0.0;
      }
      // cos(2 θ₁ − θ₂ − φ) = Re(u₁² · conj(u₂) · conj(u)).
      double aRe = re1[j] * re1[j] - im1[j] * im1[j];
      double aIm = 2.0 * re1[j] * im1[j];
      double bRe = aRe * re2[j] + aIm * im2[j];
      double bIm = aIm * re2[j] - aRe * im2[j];
      double cos = bRe * re + bIm * im;
      double old = magnitude[j];
      onsetValue += Math.sqrt(Math.abs(old * old + (double) m * m - 2.0 * old * m * cos));
      re2[j] = re1[j];
      im2[j] = im1[j];
      re1[j] = re;
      im1[j] = im;
      magnitude[j] = m;
    }
    if (peakPicker.pickPeak(onsetValue) && !event.isSilence(SILENCE_DB_SPL)) {
      // TarsosDSP's delay for the peak picker's lag: 4.3 overlaps.
      double onsetTime = event.getTimeStamp() - event.getOverlap() * 4.3 / event.getSampleRate();
      if (onsetTime - lastOnset > MINIMUM_INTER_ONSET_SECONDS) {
        handler.handleOnset(onsetTime, peakPicker.getLastPeekValue());
        lastOnset = onsetTime;
      }
    }
    return true;
  }

  @Override
  public void processingFinished() {}
}
