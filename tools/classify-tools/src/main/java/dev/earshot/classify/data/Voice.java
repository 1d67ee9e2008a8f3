package dev.earshot.classify.data;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An espeak-ng voice and how it speaks.
 *
 * @param language espeak-ng voice name, e.g. {@code en-gb-scotland}
 * @param variant variant file name, e.g. {@code m3}, {@code f2}, {@code klatt}, {@code croak}, or
 *     {@code ""} for the voice's own
 * @param wordsPerMinute speed, 80 to 450 (espeak-ng's default 175)
 * @param pitch base pitch, 0 to 99 (default 50)
 * @param amplitude loudness, 0 to 200 (default 100)
 * @param wordGap pause between words in units of 10 ms at the default speed, 0 to 100
 */
public record Voice(
    String language, String variant, int wordsPerMinute, int pitch, int amplitude, int wordGap) {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]+)*");
  private static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9_]*");

  public Voice {
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("not an espeak-ng voice name: " + language);
    }
    variant = variant == null ? "" : variant;
    if (!VARIANT.matcher(variant).matches()) {
      throw new IllegalArgumentException("not an espeak-ng variant: " + variant);
    }
    check(wordsPerMinute, 80, 450, "words per minute");
    check(pitch, 0, 99, "pitch");
    check(amplitude, 0, 200, "amplitude");
    check(wordGap, 0, 100, "word gap");
  }

  /** A voice at espeak-ng's default speed, pitch and amplitude. */
  public static Voice of(String language, String variant) {
    return new Voice(language, variant, 175, 50, 100, 0);
  }

  /** {@code language+variant}, as {@code -v} takes it; also the speaker's identity. */
  public String name() {
    return variant.isEmpty() ? language : language + "+" + variant;
  }

  /** The espeak-ng options for this voice. */
  public List<String> args() {
    return List.of(
        "-v",
        name(),
        "-s",
        Integer.toString(wordsPerMinute),
        "-p",
        Integer.toString(pitch),
        "-a",
        Integer.toString(amplitude),
        "-g",
        Integer.toString(wordGap));
  }

  @Override
  public String toString() {
    return name() + " " + wordsPerMinute + "wpm p" + pitch + " a" + amplitude + " g" + wordGap;
  }

  private static void check(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + value);
    }
  }
}
