package dev.earshot.audio.chunk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/** Float samples to and from chunk payload bytes. */
public final class PcmCodec {

  /**
   * The scale {@link PcmEncoding#PCM_S16LE} uses both ways, the same as the decoders' for 16-bit
   * input: encode is {@code round(x * 32768)} clipped to -32768..32767 (NaN becomes 0) and decode
   * is {@code s / 32768}. So 16-bit input at the chunk rate passes through bit for bit, {@code
   * encode(decode(bytes))} gives back the same bytes for every payload, and {@code
   * decode(encode(x))} is stable under repetition; +1.0 clips to 32767. {@link
   * PcmEncoding#PCM_F32LE} stores the float bits unchanged.
   */
  public static final float S16_SCALE = 32768f;

  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOATS =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  private PcmCodec() {}

  public static byte[] encode(float[] samples, PcmEncoding encoding) {
    return encode(samples, 0, samples.length, encoding);
  }

  public static byte[] encode(float[] samples, int offset, int length, PcmEncoding encoding) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    Objects.requireNonNull(encoding, "encoding");
    byte[] payload = new byte[Math.multiplyExact(length, encoding.bytesPerSample())];
    if (encoding == PcmEncoding.PCM_S16LE) {
      for (int i = 0; i < length; i++) {
        SHORTS.set(payload, 2 * i, toS16(samples[offset + i]));
      }
    } else {
      for (int i = 0; i < length; i++) {
        FLOATS.set(payload, 4 * i, samples[offset + i]);
      }
    }
    return payload;
  }

  /**
   * Decodes a payload.
   *
   * @throws IllegalArgumentException when its length is not a whole number of samples
   */
  public static float[] decode(byte[] payload, PcmEncoding encoding) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(encoding, "encoding");
    int size = encoding.bytesPerSample();
    if (payload.length % size != 0) {
      throw new IllegalArgumentException(
          encoding
              + " payload length "
              + payload.length
              + " is not a multiple of "
              + size
              + " bytes");
    }
    float[] samples = new float[payload.length / size];
    if (encoding == PcmEncoding.PCM_S16LE) {
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (short) SHORTS.get(payload, 2 * i) / S16_SCALE;
      }
    } else {
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (float) FLOATS.get(payload, 4 * i);
      }
    }
    return samples;
  }

  private static short toS16(float sample) {
    float scaled = sample * S16_SCALE;
    if (scaled != scaled) {
      return 0;
    }
    return (short) Math.max(-32768, Math.min(32767, Math.round(scaled)));
  }
}
