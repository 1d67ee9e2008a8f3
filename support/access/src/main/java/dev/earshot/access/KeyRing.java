package dev.earshot.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that grant one permission (upload, read, instance-to-instance), checked when the service
 * starts and compared in constant time. A key shorter than {@value #MIN_LENGTH} characters stops
 * the service with a message that names the setting and which key, never the key itself.
 */
public final class KeyRing {

  /** 16 characters: 96 bits and more for random keys, out of reach of guessing over HTTP. */
  public static final int MIN_LENGTH = 16;

  private final String setting;
  private final List<byte[]> keys;

  private KeyRing(String setting, List<byte[]> keys) {
    this.setting = setting;
    this.keys = keys;
  }

  /**
   * @param setting the configuration key the keys came from, for messages
   * @param configured the keys; blank entries are ignored, surrounding space is stripped
   * @throws IllegalArgumentException when a key is shorter than {@value #MIN_LENGTH} characters
   */
  public static KeyRing of(String setting, Optional<List<String>> configured) {
    List<byte[]> keys = new ArrayList<>();
    List<String> values = configured.orElse(List.of());
    for (int i = 0; i < values.size(); i++) {
      String key = values.get(i) == null ? "" : values.get(i).strip();
      if (key.isEmpty()) {
        continue;
      }
      if (key.length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            setting
                + ": key "
                + (i + 1)
                + " of "
                + values.size()
                + " has "
                + key.length()
                + " characters; a key needs at least "
                + MIN_LENGTH
                + " (make one with: openssl rand -hex 16)");
      }
      keys.add(key.getBytes(StandardCharsets.UTF_8));
    }
    return new KeyRing(setting, List.copyOf(keys));
  }

  /** The setting the keys come from. */
  public String setting() {
    return setting;
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /**
   * Whether {@code presented} is one of the keys. Every key is compared, each in constant time, so
   * the time taken says nothing about which key or how much of one matched.
   */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    byte[] candidate = presented.strip().getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (byte[] key : keys) {
      found |= MessageDigest.isEqual(key, candidate);
    }
    return found;
  }

  /**
   * HMAC-SHA256 of {@code message} under {@code key}: a token that proves its holder once presented
   * {@code key}, without carrying it.
   */
  public static byte[] sign(String key, String message) {
    return hmac(key.strip().getBytes(StandardCharsets.UTF_8), message);
  }

  /** Whether {@code signature} is {@link #sign} of {@code message} under one of the keys. */
  public boolean signedByAny(String message, byte[] signature) {
    boolean found = false;
    for (byte[] key : keys) {
      found |= MessageDigest.isEqual(hmac(key, message), signature);
    }
    return found;
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK: " + e.getMessage(), e);
    }
  }
}
