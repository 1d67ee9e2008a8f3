package dev.earshot.audio.decode;

import dev.earshot.audio.decode.AudioFormatException.Reason;

/** Checks Vorbis comment and setup headers for sizes that would hang or exhaust JOrbis. */
final class VorbisHeaders {

  // JOrbis allocates whatever sizes the headers declare and loops forever on a codebook of zero
  // dimensions, so a crafted file could exhaust memory or hang a thread. The checks follow the
  // Vorbis I specification: 3.2.1 (codebooks), 4.2.4 (setup), 5.2 (comments), 7.2.2 (floor 1)
  // and 8.6.1 (residues).

  private static final int CODEBOOK_SYNC = 0x564342;

  private VorbisHeaders() {}

  /** Every length in the comment header must fit inside the packet. */
  static void checkComment(byte[] data, int offset, int length) throws AudioFormatException {
    int end = offset + length;
    int p = offset + 7;
    long vendor = u32(data, p, end);
    p += 4;
    if (vendor < 0 || vendor > end - p) {
      throw corrupt("comment header declares a vendor string longer than the header");
    }
    p += (int) vendor;
    long count = u32(data, p, end);
    p += 4;
    if (count < 0 || count > (end - p) / 4) {
      throw corrupt("comment header declares more comments than it holds");
    }
    for (long i = 0; i < count; i++) {
      long size = u32(data, p, end);
      p += 4;
      if (size < 0 || size > end - p) {
        throw corrupt("comment header declares a comment longer than the header");
      }
      p += (int) size;
    }
  }

  /**
   * Every codebook must have sane dimensions and fit, with its lookup table, in the packet; every
   * residue's classification book must describe a partitioning its entries can hold (JOrbis sizes a
   * table as classifications^dimensions).
   */
  static void checkSetup(byte[] data, int offset, int length) throws AudioFormatException {
    Bits bits = new Bits(data, offset + 7, offset + length);
    int books = bits.read(8) + 1;
    int[] dimensions = new int[books];
    int[] entries = new int[books];
    for (int b = 0; b < books; b++) {
      readCodebook(bits, b, dimensions, entries);
    }
    int times = bits.read(6) + 1;
    for (int t = 0; t < times; t++) {
      if (bits.read(16) != 0) {
        throw corrupt("setup header has a non-zero time domain transform");
      }
    }
    int floors = bits.read(6) + 1;
    for (int f = 0; f < floors; f++) {
      int type = bits.read(16);
      if (type == 0) {
        bits.skip(8 + 16 + 16 + 6 + 8);
        bits.skip(8L * (bits.read(4) + 1));
      } else if (type == 1) {
        readFloor1(bits);
      } else {
        throw corrupt("floor " + f + " has type " + type);
      }
    }
    int residues = bits.read(6) + 1;
    for (int r = 0; r < residues; r++) {
      int type = bits.read(16);
      if (type > 2) {
        throw corrupt("residue " + r + " has type " + type);
      }
      bits.skip(24 + 24 + 24);
      int classifications = bits.read(6) + 1;
      int classBook = bits.read(8);
      if (classBook >= books
          || power(classifications, dimensions[classBook]) > entries[classBook]) {
        throw corrupt("residue " + r + " has an impossible classification book");
      }
      int[] cascades = new int[classifications];
      for (int c = 0; c < classifications; c++) {
        int low = bits.read(3);
        int high = bits.read(1) == 1 ? bits.read(5) : 0;
        cascades[c] = high << 3 | low;
      }
      for (int cascade : cascades) {
        bits.skip(8L * Integer.bitCount(cascade));
      }
    }
  }

  private static void readCodebook(Bits bits, int b, int[] dimensionsOut, int[] entriesOut)
      throws AudioFormatException {
    if (bits.read(24) != CODEBOOK_SYNC) {
      throw corrupt("codebook " + b + " lacks its sync pattern");
    }
    int dimensions = bits.read(16);
    int entries = bits.read(24);
    if (dimensions < 1 || entries < 1) {
      throw corrupt(
          "codebook " + b + " has " + dimensions + " dimensions and " + entries + " entries");
    }
    dimensionsOut[b] = dimensions;
    entriesOut[b] = entries;
    boolean ordered = bits.read(1) == 1;
    if (!ordered) {
      boolean sparse = bits.read(1) == 1;
      for (int e = 0; e < entries; e++) {
        if (!sparse || bits.read(1) == 1) {
          bits.read(5);
        }
      }
    } else {
      bits.read(5);
      for (int e = 0; e < entries; ) {
        e += bits.read(ilog(entries - e));
        if (e > entries) {
          throw corrupt("codebook " + b + " declares more lengths than entries");
        }
      }
    }
    int lookup = bits.read(4);
    if (lookup == 1 || lookup == 2) {
      bits.skip(32 + 32);
      int valueBits = bits.read(4) + 1;
      bits.read(1);
      long values = lookup == 1 ? lookup1Values(entries, dimensions) : (long) entries * dimensions;
      if (values * valueBits > bits.remaining()) {
        throw corrupt("codebook " + b + " declares a lookup table larger than the header");
      }
      bits.skip(values * valueBits);
    } else if (lookup != 0) {
      throw corrupt("codebook " + b + " has lookup type " + lookup);
    }
  }

  private static void readFloor1(Bits bits) throws AudioFormatException {
    int partitions = bits.read(5);
    int[] classes = new int[partitions];
    int maxClass = -1;
    for (int p = 0; p < partitions; p++) {
      classes[p] = bits.read(4);
      maxClass = Math.max(maxClass, classes[p]);
    }
    int[] classDimensions = new int[maxClass + 1];
    for (int c = 0; c <= maxClass; c++) {
      classDimensions[c] = bits.read(3) + 1;
      int subclasses = bits.read(2);
      if (subclasses != 0) {
        bits.read(8);
      }
      bits.skip(8L * (1 << subclasses));
    }
    bits.read(2);
    int rangeBits = bits.read(4);
    for (int p = 0; p < partitions; p++) {
      bits.skip((long) rangeBits * classDimensions[classes[p]]);
    }
  }

  /** The greatest v with v^dimensions <= entries. */
  static long lookup1Values(int entries, int dimensions) {
    long v = (long) Math.floor(Math.pow(entries, 1.0 / dimensions));
    while (v > 0 && power(v, dimensions) > entries) {
      v--;
    }
    while (power(v + 1, dimensions) <= entries) {
      v++;
    }
    return v;
  }

  private static long power(long base, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= base;
      if (result > Integer.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
    }
    return result;
  }

  private static int ilog(int v) {
    return 32 - Integer.numberOfLeadingZeros(v);
  }

  private static long u32(byte[] data, int p, int end) throws AudioFormatException {
    if (p + 4 > end) {
      throw corrupt("comment header ends early");
    }
    return (data[p] & 0xffL)
        | (data[p + 1] & 0xffL) << 8
        | (data[p + 2] & 0xffL) << 16
        | (data[p + 3] & 0xffL) << 24;
  }

  private static AudioFormatException corrupt(String detail) {
    return new AudioFormatException(Reason.CORRUPT, "OGG stream is corrupt: Vorbis " + detail);
  }

  /** Least-significant-bit-first reader, as Vorbis packs its headers. */
  private static final class Bits {
    private final byte[] data;
    private final long endBit;
    private long bit;

    Bits(byte[] data, int start, int end) {
      this.data = data;
      this.bit = (long) start * 8;
      this.endBit = (long) end * 8;
    }

    int read(int count) throws AudioFormatException {
      if (bit + count > endBit) {
        throw corrupt("setup header ends early");
      }
      int value = 0;
      for (int i = 0; i < count; i++, bit++) {
        int b = (data[(int) (bit >>> 3)] >>> (bit & 7)) & 1;
        value |= b << i;
      }
      return value;
    }

    void skip(long count) throws AudioFormatException {
      if (count > endBit - bit) {
        throw corrupt("setup header ends early");
      }
      bit += count;
    }

    long remaining() {
      return endBit - bit;
    }
  }
}
