package dev.earshot.pipeline;

import java.io.ByteArrayOutputStream;

/**
 * A valid FLAC file of silence that is tiny on disk and hours long once decoded: every frame is
 * 65535 samples of one CONSTANT subframe (a few bytes), as a hostile upload would be. Written by
 * hand after the FLAC format specification (RFC 9639), so no encoder is needed.
 */
final class FlacBomb {

  private static final int BLOCK = 65_535;

  private FlacBomb() {}

  /**
   * @param declareLength whether STREAMINFO states the total sample count (0 means unknown, so a
   *     reader learns the length only by decoding)
   */
  static byte[] silence(int sampleRate, long samples, boolean declareLength) {
    long frames = (samples + BLOCK - 1) / BLOCK;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'f', 'L', 'a', 'C'});
    // Last metadata block, type 0 (STREAMINFO), 34 bytes.
    out.writeBytes(new byte[] {(byte) 0x80, 0, 0, 34});
    Bits info = new Bits();
    info.put(BLOCK, 16).put(BLOCK, 16).put(0, 24).put(0, 24);
    info.put(sampleRate, 20).put(0, 3).put(15, 5).put(declareLength ? frames * BLOCK : 0, 36);
    for (int i = 0; i < 16; i++) {
      info.put(0, 8);
    }
    out.writeBytes(info.bytes());
    for (long n = 0; n < frames; n++) {
      Bits header = new Bits();
      // Sync, fixed block size; block size in 16 bits after the number; rate from STREAMINFO;
      // mono; 16 bits per sample.
      header.put(0x3FFE, 14).put(0, 1).put(0, 1).put(0b0111, 4).put(0, 4);
      header.put(0, 4).put(0b100, 3).put(0, 1);
      for (byte b : utf8(n)) {
        header.put(b & 0xFF, 8);
      }
      header.put(BLOCK - 1, 16);
      byte[] head = header.bytes();
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      frame.writeBytes(head);
      frame.write(crc8(head));
      // CONSTANT subframe of value 0, 16 bits.
      frame.writeBytes(new byte[] {0, 0, 0});
      byte[] body = frame.toByteArray();
      int crc = crc16(body);
      out.writeBytes(body);
      out.write(crc >>> 8);
      out.write(crc & 0xFF);
    }
    return out.toByteArray();
  }

  /** FLAC's "UTF-8" coding of a frame number (up to 36 bits). */
  private static byte[] utf8(long value) {
    if (value < 0x80) {
      return new byte[] {(byte) value};
    }
    int extra = value < 0x800 ? 1 : value < 0x10000 ? 2 : value < 0x200000 ? 3 : 4;
    byte[] out = new byte[extra + 1];
    for (int i = extra; i > 0; i--) {
      out[i] = (byte) (0x80 | (value & 0x3F));
      value >>>= 6;
    }
    int lead = (0xFF00 >> (extra + 1)) & 0xFF;
    out[0] = (byte) (lead | value);
    return out;
  }

  private static int crc8(byte[] data) {
    int crc = 0;
    for (byte b : data) {
      crc ^= b & 0xFF;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
      }
    }
    return crc;
  }

  private static int crc16(byte[] data) {
    int crc = 0;
    for (byte b : data) {
      crc ^= (b & 0xFF) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
      }
    }
    return crc;
  }

  /** A big-endian bit writer. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    Bits put(long value, int bits) {
      for (int i = bits - 1; i >= 0; i--) {
        current = (current << 1) | (int) ((value >>> i) & 1);
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
      return this;
    }

    byte[] bytes() {
      if (used != 0) {
        throw new IllegalStateException("not byte-aligned: " + used + " bits left");
      }
      return out.toByteArray();
    }
  }
}
