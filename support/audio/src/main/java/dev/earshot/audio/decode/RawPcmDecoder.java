package dev.earshot.audio.decode;

import java.util.Arrays;
import java.util.Locale;

/**
 * Turns headerless interleaved PCM arriving in pieces of any size (a live stream, a capture line)
 * into float samples; bytes of an incomplete last frame are kept for the next piece.
 */
public final class RawPcmDecoder {

  /** The sample layouts a live stream may use. */
  public enum Format {
    U8(SampleEncoding.U8, "u8"),
    S16LE(SampleEncoding.S16LE, "s16le"),
    S24LE(SampleEncoding.S24LE, "s24le"),
    S32LE(SampleEncoding.S32LE, "s32le"),
    F32LE(SampleEncoding.F32LE, "f32le");

    private final SampleEncoding encoding;
    private final String label;

    Format(SampleEncoding encoding, String label) {
      this.encoding = encoding;
      this.label = label;
    }

    public String label() {
      return label;
    }

    public int bytesPerSample() {
      return encoding.bytes();
    }

    /** Parses a label such as {@code s16le}; the message lists the accepted ones. */
    public static Format parse(String text) {
      String wanted = text.strip().toLowerCase(Locale.ROOT);
      for (Format format : values()) {
        if (format.label.equals(wanted)) {
          return format;
        }
      }
      throw new IllegalArgumentException(
          "format must be one of "
              + Arrays.stream(values()).map(Format::label).toList()
              + ", got '"
              + text
              + "'");
    }
  }

  private final Format format;
  private final int frameBytes;
  private final byte[] pending;
  private int pendingLength;

  public RawPcmDecoder(Format format, int channels) {
    if (channels < 1) {
      throw new IllegalArgumentException("channels must be >= 1, got " + channels);
    }
    this.format = format;
    this.frameBytes = format.bytesPerSample() * channels;
    this.pending = new byte[frameBytes];
  }

  /** The interleaved samples of every frame completed by these bytes. */
  public float[] decode(byte[] data, int offset, int length) {
    int available = pendingLength + length;
    int frames = available / frameBytes;
    float[] out = new float[frames * frameBytes / format.bytesPerSample()];
    int consumed = 0;
    int written = 0;
    if (pendingLength > 0 && frames > 0) {
      int fill = frameBytes - pendingLength;
      System.arraycopy(data, offset, pending, pendingLength, fill);
      int samples = frameBytes / format.bytesPerSample();
      format.encoding.decode(pending, 0, out, 0, samples);
      written = samples;
      consumed = fill;
      pendingLength = 0;
    }
    int whole = (length - consumed) / frameBytes;
    int samples = whole * frameBytes / format.bytesPerSample();
    format.encoding.decode(data, offset + consumed, out, written, samples);
    consumed += whole * frameBytes;
    int rest = length - consumed;
    System.arraycopy(data, offset + consumed, pending, pendingLength, rest);
    pendingLength += rest;
    return out;
  }

  /** Bytes of an incomplete frame still waiting for the rest of it. */
  public int pendingBytes() {
    return pendingLength;
  }
}
