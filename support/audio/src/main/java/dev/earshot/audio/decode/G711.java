package dev.earshot.audio.decode;

/** ITU-T G.711 mu-law and A-law expansion to 16-bit linear values, as in the reference g711.c. */
final class G711 {

  private static final int BIAS = 0x84;

  private G711() {}

  /** Expands one mu-law code to a linear value in -32124..32124. */
  static int muLawToLinear(int code) {
    int u = ~code & 0xff;
    int t = ((u & 0x0f) << 3) + BIAS;
    t <<= (u & 0x70) >> 4;
    return (u & 0x80) != 0 ? BIAS - t : t - BIAS;
  }

  /** Expands one A-law code to a linear value in -32256..32256. */
  static int aLawToLinear(int code) {
    int a = (code ^ 0x55) & 0xff;
    int t = (a & 0x0f) << 4;
    int segment = (a & 0x70) >> 4;
    switch (segment) {
      case 0 -> t += 8;
      case 1 -> t += 0x108;
      default -> {
        t += 0x108;
        t <<= segment - 1;
      }
    }
    return (a & 0x80) != 0 ? t : -t;
  }
}
