package dev.earshot.audio.decode;

/**
 * One MPEG audio frame header (the four bytes starting with the 11-bit frame sync), used to sniff
 * MP3 and to find the Xing/LAME tag frame.
 */
record MpegHeader(
    int version,
    int layer,
    int bitrateKbps,
    int sampleRate,
    boolean padding,
    boolean mono,
    boolean crc) {

  /** Version codes as they appear in the header. */
  static final int MPEG_2_5 = 0;

  static final int MPEG_2 = 2;
  static final int MPEG_1 = 3;

  private static final int[][] BITRATES_V1 = {
    {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
    {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
    {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}
  };
  private static final int[][] BITRATES_V2 = {
    {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
  };
  private static final int[] RATES_V1 = {44100, 48000, 32000};

  /** Parses four big-endian header bytes; null when they are not a decodable frame header. */
  static MpegHeader parse(byte[] b, int offset) {
    if (offset + 4 > b.length) {
      return null;
    }
    int h =
        (b[offset] & 0xff) << 24
            | (b[offset + 1] & 0xff) << 16
            | (b[offset + 2] & 0xff) << 8
            | (b[offset + 3] & 0xff);
    if ((h & 0xFFE00000) != 0xFFE00000) {
      return null;
    }
    int version = (h >>> 19) & 3;
    int layerBits = (h >>> 17) & 3;
    int bitrateIndex = (h >>> 12) & 15;
    int rateIndex = (h >>> 10) & 3;
    int emphasis = h & 3;
    // Reserved values, and free-format bitrate, which no decoder here supports.
    if (version == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15) {
      return null;
    }
    if (rateIndex == 3 || emphasis == 2) {
      return null;
    }
    int layer = 4 - layerBits;
    int bitrate = (version == MPEG_1 ? BITRATES_V1 : BITRATES_V2)[layer - 1][bitrateIndex];
    int rate = RATES_V1[rateIndex];
    if (version == MPEG_2) {
      rate /= 2;
    } else if (version == MPEG_2_5) {
      rate /= 4;
    }
    boolean padding = ((h >>> 9) & 1) != 0;
    boolean mono = ((h >>> 6) & 3) == 3;
    boolean crc = ((h >>> 16) & 1) == 0;
    return new MpegHeader(version, layer, bitrate, rate, padding, mono, crc);
  }

  /** True when the four bytes could start an ADTS AAC frame (sync with MPEG layer bits 00). */
  static boolean isAdts(byte[] b, int offset) {
    return offset + 2 <= b.length && (b[offset] & 0xff) == 0xFF && (b[offset + 1] & 0xF6) == 0xF0;
  }

  int frameLength() {
    int pad = padding ? 1 : 0;
    if (layer == 1) {
      return (12 * bitrateKbps * 1000 / sampleRate + pad) * 4;
    }
    int factor = layer == 3 && version != MPEG_1 ? 72 : 144;
    return factor * bitrateKbps * 1000 / sampleRate + pad;
  }

  int samplesPerFrame() {
    if (layer == 1) {
      return 384;
    }
    return layer == 3 && version != MPEG_1 ? 576 : 1152;
  }

  int channels() {
    return mono ? 1 : 2;
  }

  /** Bytes of Layer III side information after the header (and CRC, if any). */
  int sideInfoLength() {
    if (version == MPEG_1) {
      return mono ? 17 : 32;
    }
    return mono ? 9 : 17;
  }

  /** True when both headers belong to one stream (same version, layer and rate). */
  boolean sameStream(MpegHeader other) {
    return other != null
        && other.version == version
        && other.layer == layer
        && other.sampleRate == sampleRate;
  }

  String codecName() {
    String v =
        switch (version) {
          case MPEG_1 -> "MPEG-1";
          case MPEG_2 -> "MPEG-2";
          default -> "MPEG-2.5";
        };
    return v + " Layer " + "I".repeat(layer);
  }
}
