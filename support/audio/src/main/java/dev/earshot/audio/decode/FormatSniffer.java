package dev.earshot.audio.decode;

import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.nio.charset.StandardCharsets;

/** Identifies a format from its first bytes (magic numbers), never from a file name. */
final class FormatSniffer {

  /** Enough for an MPEG frame header, the whole first frame and the next frame's header. */
  static final int SNIFF_BYTES = 4096;

  /** What the first bytes announce. */
  enum Kind {
    WAV("WAV"),
    FLAC("FLAC"),
    OGG("OGG"),
    MP3("MP3"),
    AIFF("AIFF"),
    AU("AU"),
    ID3("MP3"),
    UNKNOWN("MP3");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The container name used in messages. */
    String label() {
      return label;
    }
  }

  private FormatSniffer() {}

  /**
   * Classifies the head of the input; throws for recognised formats that are not supported and for
   * empty input.
   *
   * @param inputEnds true when {@code head} is the whole input
   */
  static Kind detect(byte[] head, boolean inputEnds) throws AudioFormatException {
    if (head.length == 0) {
      throw new AudioFormatException(Reason.EMPTY, "input is empty (0 bytes)");
    }
    if (is(head, 0, "RIFF") || is(head, 0, "RF64")) {
      if (head.length < 12 || is(head, 8, "WAVE")) {
        return Kind.WAV;
      }
      throw new AudioFormatException(
          Reason.NOT_AUDIO, "RIFF file of type '" + ascii(head, 8, 4) + "' is not WAVE audio");
    }
    if (is(head, 0, "RIFX")) {
      throw unsupported("big-endian RIFX WAV is not supported");
    }
    if (is(head, 0, "fLaC")) {
      return Kind.FLAC;
    }
    if (is(head, 0, "OggS")) {
      return Kind.OGG;
    }
    if (is(head, 0, "ID3")) {
      return Kind.ID3;
    }
    if (is(head, 0, "FORM")) {
      if (is(head, 8, "AIFF") || is(head, 8, "AIFC")) {
        return Kind.AIFF;
      }
      throw new AudioFormatException(
          Reason.NOT_AUDIO, "IFF file of type '" + ascii(head, 8, 4) + "' is not AIFF audio");
    }
    if (is(head, 0, ".snd")) {
      return Kind.AU;
    }
    if (is(head, 4, "ftyp")) {
      throw unsupported("MP4/M4A (ISO media) audio is not supported");
    }
    if (startsWith(head, 0x1A, 0x45, 0xDF, 0xA3)) {
      throw unsupported("Matroska/WebM audio is not supported");
    }
    if (is(head, 0, "#!AMR")) {
      throw unsupported("AMR audio is not supported");
    }
    if (is(head, 0, "caff")) {
      throw unsupported("Core Audio Format (CAF) is not supported");
    }
    if (is(head, 0, "wvpk")) {
      throw unsupported("WavPack audio is not supported");
    }
    if (is(head, 0, "MAC ")) {
      throw unsupported("Monkey's Audio (APE) is not supported");
    }
    if (Mp3PcmStream.isFrameAt(head, 0, inputEnds)) {
      return Kind.MP3;
    }
    if (MpegHeader.isAdts(head, 0)) {
      throw unsupported("AAC (ADTS) audio is not supported");
    }
    return Kind.UNKNOWN;
  }

  /** The message for bytes that match no format, quoting the first four in hex and ASCII. */
  static AudioFormatException notAudio(byte[] head) {
    int n = Math.min(4, head.length);
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < n; i++) {
      hex.append(i == 0 ? "" : " ").append(String.format("%02X", head[i] & 0xff));
    }
    return new AudioFormatException(
        Reason.NOT_AUDIO,
        "not a recognised audio format (starts with bytes "
            + hex
            + " = '"
            + ascii(head, 0, n)
            + "')");
  }

  private static AudioFormatException unsupported(String message) {
    return new AudioFormatException(Reason.UNSUPPORTED_CODEC, message);
  }

  private static boolean is(byte[] head, int offset, String magic) {
    return offset + magic.length() <= head.length
        && new String(head, offset, magic.length(), StandardCharsets.ISO_8859_1).equals(magic);
  }

  private static boolean startsWith(byte[] head, int... bytes) {
    if (head.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[i] & 0xff) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII as is, anything else as '.'. */
  static String ascii(byte[] bytes, int offset, int count) {
    StringBuilder s = new StringBuilder();
    for (int i = offset; i < Math.min(bytes.length, offset + count); i++) {
      int c = bytes[i] & 0xff;
      s.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
    }
    return s.toString();
  }
}
