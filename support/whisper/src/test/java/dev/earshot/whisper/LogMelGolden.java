package dev.earshot.whisper;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reference values written by golden/make_golden.py (see its docstring for the file format). */
final class LogMelGolden {

  private LogMelGolden() {}

  /** Stored frames of a feature matrix: {@code values[i][mel]} belongs to {@code frames[i]}. */
  record Features(int mels, int totalFrames, int audioSamples, int[] frames, float[][] values) {}

  /** Stored rows of a filterbank: {@code weights[i][bin]} belongs to filter {@code rows[i]}. */
  record Filters(int mels, int bins, int[] rows, double[][] weights) {}

  static Features features(String name) {
    ByteBuffer in = read(name + ".bin");
    int mels = in.getInt();
    int totalFrames = in.getInt();
    int audioSamples = in.getInt();
    int count = in.getInt();
    int[] frames = new int[count];
    for (int i = 0; i < count; i++) {
      frames[i] = in.getInt();
    }
    float[][] values = new float[count][mels];
    for (int i = 0; i < count; i++) {
      for (int m = 0; m < mels; m++) {
        values[i][m] = in.getFloat();
      }
    }
    return new Features(mels, totalFrames, audioSamples, frames, values);
  }

  static Filters filters(int mels) {
    ByteBuffer in = read("mel_filters_" + mels + ".bin");
    int storedMels = in.getInt();
    int bins = in.getInt();
    int count = in.getInt();
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      rows[i] = in.getInt();
    }
    double[][] weights = new double[count][bins];
    for (int i = 0; i < count; i++) {
      for (int k = 0; k < bins; k++) {
        weights[i][k] = in.getDouble();
      }
    }
    return new Filters(storedMels, bins, rows, weights);
  }

  /** The 440 Hz sine of amplitude 0.5, computed as the script does. */
  static float[] sine(int seconds) {
    float[] out = new float[seconds * 16000];
    for (int n = 0; n < out.length; n++) {
      out[n] = (float) (0.5 * Math.sin(2.0 * Math.PI * 440.0 * n / 16000.0));
    }
    return out;
  }

  /** The script's LCG noise, bit for bit. */
  static float[] lcgNoise(int seconds) {
    float[] out = new float[seconds * 16000];
    long x = 12345;
    for (int i = 0; i < out.length; i++) {
      x = (1664525L * x + 1013904223L) & 0xFFFF_FFFFL;
      out[i] = (float) (x / 4294967296.0 - 0.5) * 0.2f;
    }
    return out;
  }

  private static ByteBuffer read(String file) {
    try (InputStream stream = LogMelGolden.class.getResourceAsStream("golden/" + file)) {
      if (stream == null) {
        throw new IllegalStateException("missing test resource golden/" + file);
      }
      byte[] bytes = new DataInputStream(stream).readAllBytes();
      return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
