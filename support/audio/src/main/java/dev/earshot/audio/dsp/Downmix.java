package dev.earshot.audio.dsp;

import java.util.Objects;

/** Interleaved multi-channel samples in, one mono sample per frame (the channel average) out. */
public final class Downmix {

  private Downmix() {}

  /**
   * Averages each of {@code frames} interleaved frames of {@code channels} samples, starting at
   * {@code inputOffset}, into {@code output} from {@code outputOffset}. Mono input is copied as is.
   * The output may be the input array at the same offset (the average of a frame is written only
   * after the frame is read).
   */
  public static void toMono(
      float[] input, int inputOffset, int frames, int channels, float[] output, int outputOffset) {
    if (channels < 1) {
      throw new IllegalArgumentException("channel count " + channels + " is not positive");
    }
    Objects.checkFromIndexSize(inputOffset, Math.multiplyExact(frames, channels), input.length);
    Objects.checkFromIndexSize(outputOffset, frames, output.length);
    if (channels == 1) {
      System.arraycopy(input, inputOffset, output, outputOffset, frames);
      return;
    }
    if (channels == 2) {
      for (int i = 0, j = inputOffset; i < frames; i++, j += 2) {
        output[outputOffset + i] = (input[j] + input[j + 1]) * 0.5f;
      }
      return;
    }
    float scale = 1f / channels;
    for (int i = 0, j = inputOffset; i < frames; i++) {
      float sum = 0f;
      for (int c = 0; c < channels; c++) {
        sum += input[j++];
      }
      output[outputOffset + i] = sum * scale;
    }
  }

  /** Averages a whole interleaved signal into a new mono array. */
  public static float[] toMono(float[] interleaved, int channels) {
    if (channels < 1 || interleaved.length % channels != 0) {
      throw new IllegalArgumentException(
          "signal of "
              + interleaved.length
              + " samples is not whole frames of "
              + channels
              + " channels");
    }
    float[] mono = new float[interleaved.length / channels];
    toMono(interleaved, 0, mono.length, channels, mono, 0);
    return mono;
  }
}
