package dev.earshot.audio.dsp;

/** Receives runs of float samples from a streaming processor. */
@FunctionalInterface
public interface FloatSink {

  /**
   * Takes {@code length} samples from {@code offset}. The array belongs to the caller and is reused
   * after the call returns: copy what must be kept, and do not modify it.
   */
  void accept(float[] samples, int offset, int length);
}
