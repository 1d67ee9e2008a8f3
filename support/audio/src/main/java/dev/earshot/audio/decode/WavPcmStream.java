package dev.earshot.audio.decode;

import dev.earshot.audio.SampleRates;
import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * RIFF/RF64 WAVE reader: walks the chunks to {@code fmt } and {@code data}, validates the format
 * and converts PCM, IEEE float, WAVE_FORMAT_EXTENSIBLE and G.711 samples to floats.
 */
final class WavPcmStream extends AbstractPcmStream {

  static final int MAX_CHANNELS = 64;

  private static final int TAG_PCM = 0x0001;
  private static final int TAG_FLOAT = 0x0003;
  private static final int TAG_A_LAW = 0x0006;
  private static final int TAG_MU_LAW = 0x0007;
  private static final int TAG_EXTENSIBLE = 0xFFFE;
  private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
  private static final int READ_BYTES = 64 * 1024;

  /** The 12 bytes after the format code in every KSDATAFORMAT_SUBTYPE_* GUID. */
  private static final byte[] GUID_SUFFIX = {
    0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
  };

  private static final Map<Integer, String> CODEC_NAMES =
      Map.ofEntries(
          Map.entry(0x0002, "Microsoft ADPCM"),
          Map.entry(0x0011, "IMA ADPCM"),
          Map.entry(0x0022, "DSP Group TrueSpeech"),
          Map.entry(0x0031, "GSM 6.10"),
          Map.entry(0x0040, "G.721 ADPCM"),
          Map.entry(0x0050, "MPEG Layer I/II"),
          Map.entry(0x0055, "MPEG Layer III"),
          Map.entry(0x0092, "Dolby AC-3 SPDIF"),
          Map.entry(0x00FF, "AAC"),
          Map.entry(0x0160, "Windows Media Audio v1"),
          Map.entry(0x0161, "Windows Media Audio"),
          Map.entry(0x0162, "Windows Media Audio Pro"),
          Map.entry(0x0163, "Windows Media Audio Lossless"),
          Map.entry(0x1610, "AAC (ADTS)"),
          Map.entry(0x2000, "Dolby AC-3"),
          Map.entry(0x2001, "DTS"),
          Map.entry(0xF1AC, "FLAC"));

  private final Source source;
  private final SampleEncoding encoding;
  private final int blockAlign;
  private final int channels;

  /** Bytes of whole frames the data chunk holds, or -1 to read to the end of the input. */
  private final long dataBytes;

  /** Bytes the header declared for the data chunk (before rounding down to whole frames). */
  private final long declaredBytes;

  private long dataRead;
  private AudioFormatException pending;
  private boolean ended;
  private byte[] bytes = new byte[0];

  private WavPcmStream(
      AudioInfo info,
      Source source,
      SampleEncoding encoding,
      int blockAlign,
      long dataBytes,
      long declaredBytes) {
    super(info, source);
    this.source = source;
    this.encoding = encoding;
    this.blockAlign = blockAlign;
    this.channels = info.channels();
    this.dataBytes = dataBytes;
    this.declaredBytes = declaredBytes;
  }

  /** Parses the header; on return the source is positioned at the first sample. */
  static WavPcmStream open(Source source) throws IOException {
    byte[] riff = new byte[12];
    int got = source.readFully(riff, 0, 12);
    if (got < 12) {
      throw new AudioFormatException(
          Reason.TRUNCATED,
          "file is truncated: a WAV header needs 12 bytes but only " + got + " are present");
    }
    String riffId = fourCc(riff, 0);
    boolean rf64 = riffId.equals("RF64");
    if (!(riffId.equals("RIFF") || rf64) || !fourCc(riff, 8).equals("WAVE")) {
      throw new AudioFormatException(Reason.NOT_AUDIO, "not a RIFF WAVE file");
    }
    long ds64DataSize = -1;
    Format format = null;
    byte[] header = new byte[8];
    while (true) {
      int n = source.readFully(header, 0, 8);
      if (n == 0) {
        throw new AudioFormatException(
            Reason.INVALID_HEADER,
            format == null ? "WAV file has no fmt chunk" : "WAV file has no data chunk");
      }
      if (n < 8) {
        throw new AudioFormatException(
            Reason.TRUNCATED,
            "file is truncated: a WAV chunk header needs 8 bytes but only " + n + " follow");
      }
      String id = fourCc(header, 0);
      long size = u32(header, 4);
      switch (id) {
        case "fmt " -> format = readFormat(source, size);
        case "ds64" -> ds64DataSize = readDs64(source, size);
        case "data" -> {
          if (format == null) {
            throw new AudioFormatException(
                Reason.INVALID_HEADER, "WAV data chunk comes before any fmt chunk");
          }
          if (rf64 && size == UNKNOWN_SIZE && ds64DataSize >= 0) {
            size = ds64DataSize;
          }
          return atData(source, format, size);
        }
        default -> skipChunk(source, id, size);
      }
    }
  }

  private static WavPcmStream atData(Source source, Format format, long size) throws IOException {
    boolean toEnd = size == UNKNOWN_SIZE;
    if (size == 0) {
      // Streaming writers leave the size at 0 and append samples; only no bytes at all is empty.
      if (source.peek(1).length == 0) {
        throw new AudioFormatException(Reason.EMPTY, "WAV data chunk contains no audio samples");
      }
      toEnd = true;
    }
    long remaining = source.remaining();
    if (!toEnd && remaining >= 0 && size > remaining) {
      throw truncated(size, remaining);
    }
    long available = toEnd ? remaining : size;
    long wholeBytes = available < 0 ? -1 : available - available % format.blockAlign;
    if (wholeBytes == 0) {
      throw new AudioFormatException(Reason.EMPTY, "WAV data chunk contains no audio samples");
    }
    long frames = wholeBytes < 0 ? -1 : wholeBytes / format.blockAlign;
    AudioInfo info =
        new AudioInfo(Container.WAV, format.codec, format.sampleRate, format.channels, frames);
    return new WavPcmStream(
        info, source, format.encoding, format.blockAlign, toEnd ? -1 : wholeBytes, size);
  }

  private static Format readFormat(Source source, long size) throws IOException {
    if (size < 16) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER, "WAV fmt chunk is " + size + " bytes, at least 16 are needed");
    }
    byte[] fmt = new byte[(int) Math.min(size, 40)];
    int n = source.readFully(fmt, 0, fmt.length);
    if (n < fmt.length) {
      throw truncatedChunk("fmt ", size, n);
    }
    skipRest(source, "fmt ", size, fmt.length);

    int tag = u16(fmt, 0);
    int channels = u16(fmt, 2);
    long sampleRate = u32(fmt, 4);
    int blockAlign = u16(fmt, 12);
    int bits = u16(fmt, 14);
    if (channels == 0) {
      throw new AudioFormatException(Reason.INVALID_HEADER, "WAV header declares 0 channels");
    }
    if (channels > MAX_CHANNELS) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER,
          "WAV header declares "
              + channels
              + " channels; at most "
              + MAX_CHANNELS
              + " are supported");
    }
    if (!SampleRates.isSupported(sampleRate)) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER, SampleRates.describeUnsupported("WAV sample rate", sampleRate));
    }

    int validBits = bits;
    int codecTag = tag;
    if (tag == TAG_EXTENSIBLE) {
      if (size < 40 || u16(fmt, 16) < 22) {
        throw new AudioFormatException(
            Reason.INVALID_HEADER,
            "WAV WAVE_FORMAT_EXTENSIBLE fmt chunk is " + size + " bytes, 40 are needed");
      }
      byte[] suffix = Arrays.copyOfRange(fmt, 28, 40);
      codecTag = (int) u32(fmt, 24);
      if (!Arrays.equals(suffix, GUID_SUFFIX)
          || !(codecTag == TAG_PCM
              || codecTag == TAG_FLOAT
              || codecTag == TAG_MU_LAW
              || codecTag == TAG_A_LAW)) {
        throw new AudioFormatException(
            Reason.UNSUPPORTED_CODEC,
            "unsupported WAV codec: WAVE_FORMAT_EXTENSIBLE sub-format " + guid(fmt, 24));
      }
      int declaredValid = u16(fmt, 18);
      if (declaredValid > bits) {
        throw new AudioFormatException(
            Reason.INVALID_HEADER,
            "WAV valid bits per sample " + declaredValid + " exceeds the container's " + bits);
      }
      validBits = declaredValid == 0 ? bits : declaredValid;
    }

    SampleEncoding encoding;
    String codec;
    switch (codecTag) {
      case TAG_PCM -> {
        if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
          throw new AudioFormatException(
              Reason.INVALID_HEADER,
              "WAV PCM bits per sample " + bits + " is not one of 8, 16, 24, 32");
        }
        encoding = bits == 8 ? SampleEncoding.U8 : SampleEncoding.signed(bits / 8, false);
        codec =
            validBits < bits
                ? "PCM " + validBits + "-bit in " + bits + "-bit container"
                : "PCM " + bits + "-bit";
      }
      case TAG_FLOAT -> {
        if (bits != 32 && bits != 64) {
          throw new AudioFormatException(
              Reason.INVALID_HEADER,
              "WAV IEEE float bits per sample " + bits + " is not one of 32, 64");
        }
        encoding = SampleEncoding.floating(bits / 8, false);
        codec = "IEEE float " + bits + "-bit";
      }
      case TAG_MU_LAW, TAG_A_LAW -> {
        String name = codecTag == TAG_MU_LAW ? "mu-law" : "A-law";
        if (bits != 8) {
          throw new AudioFormatException(
              Reason.INVALID_HEADER, "WAV " + name + " bits per sample " + bits + " is not 8");
        }
        encoding = codecTag == TAG_MU_LAW ? SampleEncoding.MU_LAW : SampleEncoding.A_LAW;
        codec = name + " 8-bit";
      }
      default -> {
        String name = CODEC_NAMES.get(codecTag);
        throw new AudioFormatException(
            Reason.UNSUPPORTED_CODEC,
            String.format("unsupported WAV codec: format tag 0x%04X", codecTag)
                + (name == null ? "" : " (" + name + ")"));
      }
    }
    int expectedAlign = channels * encoding.bytes();
    if (blockAlign != expectedAlign) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER,
          "WAV block align "
              + blockAlign
              + " does not match "
              + channels
              + " channels x "
              + bits
              + " bits (expected "
              + expectedAlign
              + ")");
    }
    return new Format(encoding, codec, (int) sampleRate, channels, blockAlign);
  }

  private static long readDs64(Source source, long size) throws IOException {
    if (size < 24) {
      skipChunk(source, "ds64", size);
      return -1;
    }
    byte[] ds64 = new byte[24];
    int n = source.readFully(ds64, 0, 24);
    if (n < 24) {
      throw truncatedChunk("ds64", size, n);
    }
    skipRest(source, "ds64", size, 24);
    long dataSize = u32(ds64, 8) | u32(ds64, 12) << 32;
    return dataSize < 0 ? -1 : dataSize;
  }

  private static void skipChunk(Source source, String id, long size) throws IOException {
    long padded = size + (size & 1);
    long skipped = source.skipFully(padded);
    if (skipped < size) {
      throw truncatedChunk(id, size, skipped);
    }
  }

  private static void skipRest(Source source, String id, long size, int read) throws IOException {
    long rest = size - read + (size & 1);
    long skipped = source.skipFully(rest);
    if (read + skipped < size) {
      throw truncatedChunk(id, size, read + skipped);
    }
  }

  @Override
  int readSamples(float[] buffer, int offset, int length) throws IOException {
    if (pending != null) {
      AudioFormatException e = pending;
      pending = null;
      ended = true;
      throw e;
    }
    if (ended) {
      return -1;
    }
    long frames = Math.min(length / channels, Math.max(1, READ_BYTES / blockAlign));
    if (dataBytes >= 0) {
      frames = Math.min(frames, (dataBytes - dataRead) / blockAlign);
      if (frames == 0) {
        ended = true;
        return -1;
      }
    }
    int want = (int) frames * blockAlign;
    if (bytes.length < want) {
      bytes = new byte[want];
    }
    int got = source.readFully(bytes, 0, want);
    dataRead += got;
    if (got < want) {
      ended = true;
      if (dataBytes >= 0) {
        pending = truncated(declaredBytes, dataRead);
      }
    }
    int whole = got / blockAlign;
    if (whole == 0) {
      if (pending != null) {
        AudioFormatException e = pending;
        pending = null;
        throw e;
      }
      return -1;
    }
    encoding.decode(bytes, 0, buffer, offset, whole * channels);
    return whole * channels;
  }

  private static AudioFormatException truncated(long declared, long present) {
    return new AudioFormatException(
        Reason.TRUNCATED,
        "file is truncated: data chunk declares "
            + declared
            + " bytes but only "
            + present
            + " follow");
  }

  private static AudioFormatException truncatedChunk(String id, long declared, long present) {
    return new AudioFormatException(
        Reason.TRUNCATED,
        "file is truncated: '"
            + id
            + "' chunk declares "
            + declared
            + " bytes but only "
            + present
            + " follow");
  }

  private static String fourCc(byte[] b, int offset) {
    return new String(b, offset, 4, StandardCharsets.ISO_8859_1);
  }

  private static int u16(byte[] b, int offset) {
    return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int offset) {
    return (b[offset] & 0xffL)
        | (b[offset + 1] & 0xffL) << 8
        | (b[offset + 2] & 0xffL) << 16
        | (b[offset + 3] & 0xffL) << 24;
  }

  private static String guid(byte[] b, int offset) {
    return String.format(
        "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
        u32(b, offset),
        u16(b, offset + 4),
        u16(b, offset + 6),
        b[offset + 8],
        b[offset + 9],
        b[offset + 10],
        b[offset + 11],
        b[offset + 12],
        b[offset + 13],
        b[offset + 14],
        b[offset + 15]);
  }

  private record Format(
      SampleEncoding encoding, String codec, int sampleRate, int channels, int blockAlign) {}
}
