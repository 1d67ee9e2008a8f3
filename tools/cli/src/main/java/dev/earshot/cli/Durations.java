package dev.earshot.cli;

import java.util.Locale;

/** Parses durations written for people: {@code 90}, {@code 90s}, {@code 5m}, {@code 1.5h}. */
public final class Durations {

  private Durations() {}

  public static double parseSeconds(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    double factor = 1;
    if (t.endsWith("ms")) {
      factor = 0.001;
      t = t.substring(0, t.length() - 2);
    } else if (t.endsWith("s")) {
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      factor = 60;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("h")) {
      factor = 3600;
      t = t.substring(0, t.length() - 1);
    }
    try {
      // Double.parseDouble alone would take Java literals such as "1d" or "0x1p3".
      if (!t.strip().matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
        throw new NumberFormatException();
      }
      double value = Double.parseDouble(t) * factor;
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "duration must be positive, like 90s, 5m or 1h, got '" + text + "'");
    }
  }
}
