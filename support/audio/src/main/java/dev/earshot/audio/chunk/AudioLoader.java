package dev.earshot.audio.chunk;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.audio.dsp.Downmix;
import dev.earshot.audio.dsp.Resampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Loads a whole recording as mono floats at a chosen rate (16 kHz for Whisper). */
public final class AudioLoader {

  private static final int READ_FRAMES = 16 * 1024;

  private AudioLoader() {}

  /** Decodes, down-mixes and resamples a file. */
  public static float[] loadMono(Path file, int targetRate) throws IOException {
    try (PcmStream in = AudioDecoder.open(file)) {
      return loadMono(in, targetRate);
    }
  }

  /** Reads the rest of a stream, down-mixed and resampled; the stream is not closed. */
  public static float[] loadMono(PcmStream in, int targetRate) throws IOException {
    int channels = in.info().channels();
    Resampler resampler = new Resampler(in.info().sampleRate(), targetRate);
    long expected =
        in.info().hasTotalFrames()
            ? Resampler.outputLength(in.info().totalFrames(), in.info().sampleRate(), targetRate)
            : 0;
    Collector out = new Collector((int) Math.min(expected, Integer.MAX_VALUE - 8));
    float[] buffer = new float[READ_FRAMES * channels];
    float[] mono = new float[READ_FRAMES];
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      int frames = n / channels;
      Downmix.toMono(buffer, 0, frames, channels, mono, 0);
      resampler.process(mono, 0, frames, out::add);
    }
    resampler.finish(out::add);
    return out.toArray();
  }

  private static final class Collector {
    private float[] samples;
    private int size;

    Collector(int capacity) {
      samples = new float[Math.max(capacity, 1024)];
    }

    void add(float[] block, int offset, int length) {
      if (size + length > samples.length) {
        long grown = Math.max((long) size + length, (long) samples.length * 2);
        if (grown > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("recording is too long to load into one array");
        }
        samples = Arrays.copyOf(samples, (int) grown);
      }
      System.arraycopy(block, offset, samples, size, length);
      size += length;
    }

    float[] toArray() {
      return size == samples.length ? samples : Arrays.copyOf(samples, size);
    }
  }
}
