package dev.earshot.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds WAV files byte by byte for the decoder tests, including deliberately broken ones. */
public final class WavBytes {

  /** Sample formats, with how to quantise floats into them. */
  public enum Format {
    U8(1, 8, 1),
    S16(1, 16, 2),
    S24(1, 24, 3),
    S32(1, 32, 4),
    F32(3, 32, 4),
    F64(3, 64, 8),
    A_LAW(6, 8, 1),
    MU_LAW(7, 8, 1);

    public final int tag;
    public final int bits;
    public final int bytes;

    Format(int tag, int bits, int bytes) {
      this.tag = tag;
      this.bits = bits;
      this.bytes = bytes;
    }
  }

  private int formatTag = 1;
  private int channels = 1;
  private long sampleRate = 44100;
  private int bitsPerSample = 16;
  private Integer blockAlign;
  private byte[] extension;
  private byte[] data = new byte[0];
  private Long declaredDataSize;
  private boolean rf64;
  private boolean writeFmt = true;
  private boolean writeData = true;
  private boolean dataBeforeFmt;
  private final List<byte[]> chunksBeforeData = new ArrayList<>();
  private byte[] trailing = new byte[0];

  public static WavBytes of(Format format, int channels, int sampleRate, float[] interleaved) {
    return new WavBytes()
        .format(format.tag, format.bits)
        .channels(channels)
        .sampleRate(sampleRate)
        .data(encode(interleaved, format));
  }

  public WavBytes format(int tag, int bits) {
    this.formatTag = tag;
    this.bitsPerSample = bits;
    return this;
  }

  public WavBytes channels(int channels) {
    this.channels = channels;
    return this;
  }

  public WavBytes sampleRate(long sampleRate) {
    this.sampleRate = sampleRate;
    return this;
  }

  public WavBytes blockAlign(int blockAlign) {
    this.blockAlign = blockAlign;
    return this;
  }

  /** Turns the format into WAVE_FORMAT_EXTENSIBLE with a standard KSDATAFORMAT sub-format. */
  public WavBytes extensible(int validBits, int subFormatTag) {
    ByteBuffer ext = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    ext.putShort((short) 22).putShort((short) validBits).putInt(channels == 2 ? 3 : 0);
    ext.putInt(subFormatTag);
    ext.put(new byte[] {0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA});
    ext.put(new byte[] {0x00, 0x38, (byte) 0x9B, 0x71});
    this.extension = ext.array();
    this.formatTag = 0xFFFE;
    return this;
  }

  /** Replaces the sub-format GUID of an extensible format. */
  public WavBytes subFormatGuid(byte[] guid) {
    System.arraycopy(guid, 0, extension, 8, 16);
    return this;
  }

  public WavBytes data(byte[] data) {
    this.data = data;
    return this;
  }

  /** Declares a data chunk size different from the bytes written. */
  public WavBytes declaredDataSize(long size) {
    this.declaredDataSize = size;
    return this;
  }

  public WavBytes rf64() {
    this.rf64 = true;
    return this;
  }

  public WavBytes withoutFmt() {
    this.writeFmt = false;
    return this;
  }

  public WavBytes withoutData() {
    this.writeData = false;
    return this;
  }

  public WavBytes dataBeforeFmt() {
    this.dataBeforeFmt = true;
    return this;
  }

  /** Adds a chunk between fmt and data, with a pad byte when its size is odd. */
  public WavBytes chunk(String id, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1));
    b.order(ByteOrder.LITTLE_ENDIAN).put(ascii(id)).putInt(body.length).put(body);
    chunksBeforeData.add(b.array());
    return this;
  }

  /** Bytes after the data chunk (another chunk, or junk). */
  public WavBytes trailing(byte[] bytes) {
    this.trailing = bytes;
    return this;
  }

  public byte[] build() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long dataSize = declaredDataSize != null ? declaredDataSize : data.length;
    if (rf64) {
      ByteBuffer ds64 = ByteBuffer.allocate(8 + 28).order(ByteOrder.LITTLE_ENDIAN);
      ds64.put(ascii("ds64")).putInt(28).putLong(0).putLong(dataSize).putLong(0).putInt(0);
      body.writeBytes(ds64.array());
    }
    byte[] fmt = fmtChunk();
    byte[] dataChunk = dataChunk(rf64 ? 0xFFFFFFFFL : dataSize);
    if (dataBeforeFmt && writeData) {
      body.writeBytes(dataChunk);
    }
    if (writeFmt) {
      body.writeBytes(fmt);
    }
    chunksBeforeData.forEach(body::writeBytes);
    if (!dataBeforeFmt && writeData) {
      body.writeBytes(dataChunk);
    }
    body.writeBytes(trailing);
    ByteBuffer out = ByteBuffer.allocate(12 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
    out.put(ascii(rf64 ? "RF64" : "RIFF"));
    out.putInt(rf64 ? -1 : 4 + body.size());
    out.put(ascii("WAVE")).put(body.toByteArray());
    return out.array();
  }

  private byte[] fmtChunk() {
    int extra = extension == null ? 0 : extension.length;
    int bytes = (bitsPerSample + 7) / 8;
    int align = blockAlign != null ? blockAlign : channels * bytes;
    ByteBuffer b = ByteBuffer.allocate(8 + 16 + extra).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("fmt ")).putInt(16 + extra);
    b.putShort((short) formatTag).putShort((short) channels).putInt((int) sampleRate);
    b.putInt((int) (sampleRate * align)).putShort((short) align).putShort((short) bitsPerSample);
    if (extension != null) {
      b.put(extension);
    }
    return b.array();
  }

  private byte[] dataChunk(long declared) {
    ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("data")).putInt((int) declared).put(data);
    return b.array();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Quantises interleaved floats into the raw sample bytes of a format. */
  public static byte[] encode(float[] samples, Format format) {
    ByteBuffer b =
        ByteBuffer.allocate(samples.length * format.bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : samples) {
      switch (format) {
        case U8 -> b.put((byte) (clamp(Math.round(x * 128.0), -128, 127) + 128));
        case S16 -> b.putShort((short) clamp(Math.round(x * 32768.0), -32768, 32767));
        case S24 -> {
          int v = (int) clamp(Math.round(x * 8388608.0), -8388608, 8388607);
          b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        case S32 ->
            b.putInt(
                (int) clamp(Math.round(x * 2147483648.0), Integer.MIN_VALUE, Integer.MAX_VALUE));
        case F32 -> b.putFloat(x);
        case F64 -> b.putDouble(x);
        case MU_LAW ->
            b.put((byte) linearToMuLaw((int) clamp(Math.round(x * 32768.0), -32768, 32767)));
        case A_LAW ->
            b.put((byte) linearToALaw((int) clamp(Math.round(x * 32768.0), -32768, 32767)));
      }
    }
    return b.array();
  }

  /** Largest decoding error a format's quantisation allows for a sample of this value. */
  public static double tolerance(Format format, double value) {
    return switch (format) {
      case U8 -> 0.5 / 128 + 1e-6;
      case S16 -> 0.5 / 32768 + 1e-7;
      case S24 -> 0.5 / 8388608 + 1e-7;
      case S32, F32 -> 1e-7;
      case F64 -> 1e-7;
      // G.711 segments double their step each octave: error is at most about 1/16 of the value.
      case MU_LAW, A_LAW -> Math.abs(value) / 16 + 16.0 / 32768;
    };
  }

  private static long clamp(long v, long low, long high) {
    return Math.max(low, Math.min(high, v));
  }

  /** ITU-T G.711 mu-law compression of a 16-bit value (the reference g711.c algorithm). */
  static int linearToMuLaw(int pcm) {
    int[] segmentEnds = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    int value = pcm >> 2;
    int mask;
    if (value < 0) {
      value = -value;
      mask = 0x7F;
    } else {
      mask = 0xFF;
    }
    value = Math.min(value, 8159) + (0x84 >> 2);
    int segment = segment(value, segmentEnds);
    if (segment >= 8) {
      return 0x7F ^ mask;
    }
    return ((segment << 4) | ((value >> (segment + 1)) & 0xF)) ^ mask;
  }

  /** ITU-T G.711 A-law compression of a 16-bit value (the reference g711.c algorithm). */
  static int linearToALaw(int pcm) {
    int[] segmentEnds = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    int value = pcm >> 3;
    int mask;
    if (value >= 0) {
      mask = 0xD5;
    } else {
      mask = 0x55;
      value = -value - 1;
    }
    int segment = segment(value, segmentEnds);
    if (segment >= 8) {
      return 0x7F ^ mask;
    }
    int code = segment << 4;
    code |= segment < 2 ? (value >> 1) & 0xF : (value >> segment) & 0xF;
    return code ^ mask;
  }

  private static int segment(int value, int[] ends) {
    for (int i = 0; i < ends.length; i++) {
      if (value <= ends[i]) {
        return i;
      }
    }
    return ends.length;
  }
}
