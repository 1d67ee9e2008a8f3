package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** A whole decoded stream, and the helpers the decoder tests use to get one. */
record Decoded(AudioInfo info, float[] samples) {

  int frames() {
    return samples.length / info.channels();
  }

  /** The first channel on its own. */
  float[] channel(int channel) {
    float[] one = new float[frames()];
    for (int i = 0; i < one.length; i++) {
      one[i] = samples[i * info.channels() + channel];
    }
    return one;
  }

  static Decoded of(byte[] bytes) throws IOException {
    try (PcmStream in = AudioDecoder.open(bytes)) {
      return new Decoded(in.info(), readAll(in, 4096));
    }
  }

  /** Decodes through a stream without mark support that hands out {@code chunk} bytes a read. */
  static Decoded ofStream(byte[] bytes, int chunk) throws IOException {
    try (PcmStream in = AudioDecoder.open(dribbling(bytes, chunk))) {
      return new Decoded(in.info(), readAll(in, 4096));
    }
  }

  static float[] readAll(PcmStream in, int frames) throws IOException {
    int channels = in.info().channels();
    float[] all = new float[1024];
    int size = 0;
    float[] buffer = new float[frames * channels];
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      assertThat(n % channels).isZero();
      if (size + n > all.length) {
        all = Arrays.copyOf(all, Math.max(size + n, all.length * 2));
      }
      System.arraycopy(buffer, 0, all, size, n);
      size += n;
    }
    return Arrays.copyOf(all, size);
  }

  static void assertFails(byte[] bytes, Reason reason, String messagePart) {
    assertThatThrownBy(() -> of(bytes))
        .isInstanceOfSatisfying(
            AudioFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(messagePart);
  }

  /** Like a network stream: no mark/reset, and short reads. */
  static InputStream dribbling(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }

      @Override
      public boolean markSupported() {
        return false;
      }
    };
  }
}
