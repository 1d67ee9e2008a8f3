package dev.earshot.ingest.openai;

import java.util.Locale;

/** OpenAI's {@code response_format}s and what each answer is. */
public enum ResponseFormat {
  JSON("application/json"),
  TEXT("text/plain;charset=utf-8"),
  SRT("application/x-subrip;charset=utf-8"),
  VTT("text/vtt;charset=utf-8"),
  VERBOSE_JSON("application/json");

  final String mediaType;

  ResponseFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /**
   * @throws IllegalArgumentException naming the formats there are
   */
  public static ResponseFormat of(String name) {
    if (name == null || name.isBlank()) {
      return JSON;
    }
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "response_format must be json, text, srt, verbose_json or vtt, got '" + name + "'");
    }
  }
}
