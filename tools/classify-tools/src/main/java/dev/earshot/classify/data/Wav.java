package dev.earshot.classify.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono float samples as a 16-bit PCM WAV file, rounding and clipping at full scale. */
public final class Wav {

  private Wav() {}

  public static void write(Path file, float[] samples, int sampleRate) throws IOException {
    Files.write(file, bytes(samples, sampleRate));
  }

  public static byte[] bytes(float[] samples, int sampleRate) {
    int data = samples.length * 2;
    ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + data);
    b.put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16);
    b.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2);
    b.putShort((short) 2).putShort((short) 16);
    b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(data);
    for (float v : samples) {
      double clipped = Math.max(-1.0, Math.min(1.0, v));
      b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(clipped * 32767.0))));
    }
    return b.array();
  }
}
