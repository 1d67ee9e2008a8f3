package dev.earshot.whisper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** GPT-2's reversible mapping between bytes and printable characters used in BPE vocabularies. */
final class ByteLevel {

  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final int[] CHAR_TO_BYTE;

  static {
    // Printable Latin-1 bytes stand for themselves; the rest (controls, space, soft hyphen) are
    // moved to U+0100 onwards so that no token contains whitespace or an invisible character.
    int next = 256;
    int maxChar = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
      BYTE_TO_CHAR[b] = (char) (printable ? b : next++);
      maxChar = Math.max(maxChar, BYTE_TO_CHAR[b]);
    }
    CHAR_TO_BYTE = new int[maxChar + 1];
    Arrays.fill(CHAR_TO_BYTE, -1);
    for (int b = 0; b < 256; b++) {
      CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = b;
    }
  }

  private ByteLevel() {}

  /** The byte-level form of a text piece: one character per UTF-8 byte. */
  static String encode(String piece) {
    byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
    char[] chars = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      chars[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
    }
    return new String(chars);
  }

  /** The byte a byte-level character stands for, or -1 if it is not one. */
  static int byteOf(char c) {
    return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
  }
}
