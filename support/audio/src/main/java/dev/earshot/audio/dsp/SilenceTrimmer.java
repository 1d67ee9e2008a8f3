package dev.earshot.audio.dsp;

import java.util.Arrays;
import java.util.Objects;

/** Mono samples in, the same samples out without leading and trailing silence; not thread-safe. */
public final class SilenceTrimmer {

  private final boolean enabled;
  private final int frameLength;
  private final int padding;
  private final double threshold;
  private final FloatSink sink;

  private final float[] frame;
  private int frameFill;
  private long framesStart;

  /** Before the first sound: the last {@code padding} quiet samples, as a ring. */
  private final float[] lead;

  private int leadStart;
  private int leadCount;

  private boolean started;
  private long leadingTrimmed;
  private int trailingBudget;
  private float[] withheld = new float[0];
  private int withheldCount;
  private long inputCount;
  private long emittedCount;
  private boolean finished;

  public SilenceTrimmer(int sampleRate, Trimming settings, FloatSink sink) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is not positive");
    }
    Objects.requireNonNull(settings, "settings");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.enabled = settings.enabled();
    this.frameLength = Math.max(1, (int) Math.round(settings.frameSeconds() * sampleRate));
    this.padding = (int) Math.round(settings.paddingSeconds() * sampleRate);
    double level = Decibels.toLinear(settings.thresholdDbfs());
    this.threshold = level * level;
    this.frame = new float[frameLength];
    this.lead = new float[enabled ? padding : 0];
  }

  /**
   * Takes samples and passes on those that are certainly kept. The input is judged in frames
   * aligned to its first sample; a frame whose RMS reaches the threshold is sound. Quiet audio
   * before the first sound is dropped except for the padding right before it. Quiet audio after a
   * sound is passed on at once up to the padding and withheld beyond it, to be released in order
   * when sound follows: silence between sounds is always kept, and a long one is held in memory
   * until then.
   */
  public void accept(float[] samples, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    if (finished) {
      throw new IllegalStateException("silence trimmer already finished");
    }
    inputCount += length;
    if (!enabled) {
      if (length > 0) {
        started = true;
        emit(samples, offset, length);
      }
      return;
    }
    int done = 0;
    while (done < length) {
      int n = Math.min(length - done, frameLength - frameFill);
      System.arraycopy(samples, offset + done, frame, frameFill, n);
      frameFill += n;
      done += n;
      if (frameFill == frameLength) {
        onFrame(frameLength);
      }
    }
  }

  /** Judges the final partial frame and drops any silence still withheld. */
  public void finish() {
    if (finished) {
      throw new IllegalStateException("silence trimmer already finished");
    }
    if (enabled && frameFill > 0) {
      onFrame(frameFill);
    }
    withheldCount = 0;
    finished = true;
  }

  /** True once a sample has been emitted. */
  public boolean started() {
    return started;
  }

  /**
   * Input samples dropped before the first emitted sample, i.e. that sample's offset in the input;
   * 0 until {@link #started()}.
   */
  public long leadingTrimmed() {
    return leadingTrimmed;
  }

  public long inputCount() {
    return inputCount;
  }

  public long emittedCount() {
    return emittedCount;
  }

  private void onFrame(int length) {
    double sum = 0.0;
    for (int i = 0; i < length; i++) {
      sum += (double) frame[i] * frame[i];
    }
    boolean sound = sum >= threshold * length;
    if (!started) {
      if (sound) {
        started = true;
        leadingTrimmed = framesStart - leadCount;
        int firstPart = Math.min(leadCount, lead.length - leadStart);
        emit(lead, leadStart, firstPart);
        emit(lead, 0, leadCount - firstPart);
        leadCount = 0;
        emit(frame, 0, length);
        trailingBudget = padding;
      } else {
        keepLead(length);
      }
    } else if (sound) {
      emit(withheld, 0, withheldCount);
      withheldCount = 0;
      emit(frame, 0, length);
      trailingBudget = padding;
    } else {
      int now = Math.min(length, trailingBudget);
      emit(frame, 0, now);
      trailingBudget -= now;
      withhold(now, length - now);
    }
    framesStart += length;
    frameFill = 0;
  }

  private void keepLead(int length) {
    if (lead.length == 0) {
      return;
    }
    for (int i = Math.max(0, length - lead.length); i < length; i++) {
      int end = (leadStart + leadCount) % lead.length;
      lead[end] = frame[i];
      if (leadCount < lead.length) {
        leadCount++;
      } else {
        leadStart = (leadStart + 1) % lead.length;
      }
    }
  }

  private void withhold(int from, int count) {
    if (count == 0) {
      return;
    }
    if (withheldCount + count > withheld.length) {
      withheld = Arrays.copyOf(withheld, Math.max(withheldCount + count, withheld.length * 2));
    }
    System.arraycopy(frame, from, withheld, withheldCount, count);
    withheldCount += count;
  }

  private void emit(float[] samples, int offset, int length) {
    if (length > 0) {
      emittedCount += length;
      sink.accept(samples, offset, length);
    }
  }
}
