package dev.earshot.audio.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte layouts of uncompressed samples, each converting bytes to floats in [-1, 1]. */
enum SampleEncoding {
  U8(1),
  S8(1),
  S16LE(2),
  S16BE(2),
  S24LE(3),
  S24BE(3),
  S32LE(4),
  S32BE(4),
  F32LE(4),
  F32BE(4),
  F64LE(8),
  F64BE(8),
  MU_LAW(1),
  A_LAW(1);

  private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle FLOAT_LE = view(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_BE = view(float[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle DOUBLE_LE = view(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE_BE = view(double[].class, ByteOrder.BIG_ENDIAN);

  private static final float[] MU_LAW_TABLE = new float[256];
  private static final float[] A_LAW_TABLE = new float[256];

  static {
    for (int i = 0; i < 256; i++) {
      MU_LAW_TABLE[i] = G711.muLawToLinear(i) / 32768f;
      A_LAW_TABLE[i] = G711.aLawToLinear(i) / 32768f;
    }
  }

  private final int bytes;

  SampleEncoding(int bytes) {
    this.bytes = bytes;
  }

  int bytes() {
    return bytes;
  }

  /** Signed linear PCM of the given width in bytes and byte order. */
  static SampleEncoding signed(int width, boolean bigEndian) {
    return switch (width) {
      case 1 -> S8;
      case 2 -> bigEndian ? S16BE : S16LE;
      case 3 -> bigEndian ? S24BE : S24LE;
      case 4 -> bigEndian ? S32BE : S32LE;
      default -> throw new IllegalArgumentException("no signed PCM of " + width + " bytes");
    };
  }

  /** IEEE floating point of the given width in bytes and byte order. */
  static SampleEncoding floating(int width, boolean bigEndian) {
    return switch (width) {
      case 4 -> bigEndian ? F32BE : F32LE;
      case 8 -> bigEndian ? F64BE : F64LE;
      default -> throw new IllegalArgumentException("no IEEE float of " + width + " bytes");
    };
  }

  /**
   * Converts {@code count} samples starting at byte {@code from} into {@code to}. Integers are
   * scaled by 2^(bits-1), so full scale negative is exactly -1; floats outside [-1, 1] are clipped
   * and NaN becomes 0, because everything downstream assumes that range.
   */
  void decode(byte[] from, int fromOffset, float[] to, int toOffset, int count) {
    int b = fromOffset;
    int end = toOffset + count;
    switch (this) {
      case U8 -> {
        for (int i = toOffset; i < end; i++) {
          to[i] = ((from[b++] & 0xff) - 128) / 128f;
        }
      }
      case S8 -> {
        for (int i = toOffset; i < end; i++) {
          to[i] = from[b++] / 128f;
        }
      }
      case S16LE -> {
        for (int i = toOffset; i < end; i++, b += 2) {
          to[i] = (short) SHORT_LE.get(from, b) / 32768f;
        }
      }
      case S16BE -> {
        for (int i = toOffset; i < end; i++, b += 2) {
          to[i] = (short) SHORT_BE.get(from, b) / 32768f;
        }
      }
      case S24LE -> {
        for (int i = toOffset; i < end; i++, b += 3) {
          int v = (from[b] & 0xff) | (from[b + 1] & 0xff) << 8 | from[b + 2] << 16;
          to[i] = v / 8388608f;
        }
      }
      case S24BE -> {
        for (int i = toOffset; i < end; i++, b += 3) {
          int v = from[b] << 16 | (from[b + 1] & 0xff) << 8 | (from[b + 2] & 0xff);
          to[i] = v / 8388608f;
        }
      }
      case S32LE -> {
        for (int i = toOffset; i < end; i++, b += 4) {
          to[i] = (float) ((int) INT_LE.get(from, b) / 2147483648.0);
        }
      }
      case S32BE -> {
        for (int i = toOffset; i < end; i++, b += 4) {
          to[i] = (float) ((int) INT_BE.get(from, b) / 2147483648.0);
        }
      }
      case F32LE -> {
        for (int i = toOffset; i < end; i++, b += 4) {
          to[i] = clip((float) FLOAT_LE.get(from, b));
        }
      }
      case F32BE -> {
        for (int i = toOffset; i < end; i++, b += 4) {
          to[i] = clip((float) FLOAT_BE.get(from, b));
        }
      }
      case F64LE -> {
        for (int i = toOffset; i < end; i++, b += 8) {
          to[i] = clip((float) (double) DOUBLE_LE.get(from, b));
        }
      }
      case F64BE -> {
        for (int i = toOffset; i < end; i++, b += 8) {
          to[i] = clip((float) (double) DOUBLE_BE.get(from, b));
        }
      }
      case MU_LAW -> {
        for (int i = toOffset; i < end; i++) {
          to[i] = MU_LAW_TABLE[from[b++] & 0xff];
        }
      }
      case A_LAW -> {
        for (int i = toOffset; i < end; i++) {
          to[i] = A_LAW_TABLE[from[b++] & 0xff];
        }
      }
    }
  }

  private static float clip(float v) {
    if (v != v) {
      return 0f;
    }
    return Math.max(-1f, Math.min(1f, v));
  }

  private static VarHandle view(Class<?> arrayType, ByteOrder order) {
    return MethodHandles.byteArrayViewVarHandle(arrayType, order);
  }
}
