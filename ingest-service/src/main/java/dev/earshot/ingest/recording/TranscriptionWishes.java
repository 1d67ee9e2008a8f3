package dev.earshot.ingest.recording;

import java.util.Locale;
import java.util.Set;

/**
 * What an uploader asked of a recording's transcript (the OpenAI-compatible API's {@code language},
 * {@code prompt}, {@code temperature}, and translation); every chunk carries it to the STT workers.
 * A null field keeps the worker's setting.
 *
 * @param task {@code transcribe} or {@code translate}
 * @param language ISO 639-1 code
 */
public record TranscriptionWishes(String task, String language, String prompt, Float temperature) {

  private static final Set<String> TASKS = Set.of("transcribe", "translate");

  public static final TranscriptionWishes NONE = new TranscriptionWishes(null, null, null, null);

  public TranscriptionWishes {
    if (task != null && !TASKS.contains(task)) {
      throw new IllegalArgumentException(
          "task must be transcribe or translate, got '" + task + "'");
    }
    if (language != null) {
      language = language.strip().toLowerCase(Locale.ROOT);
      if (!language.matches("[a-z]{2,3}")) {
        throw new IllegalArgumentException(
            "language must be an ISO 639-1 code such as en or de, got '" + language + "'");
      }
    }
    if (prompt != null && prompt.isBlank()) {
      prompt = null;
    }
    if (temperature != null && !(temperature >= 0 && temperature <= 1)) {
      throw new IllegalArgumentException("temperature must be between 0 and 1, got " + temperature);
    }
  }

  public boolean isEmpty() {
    return task == null && language == null && prompt == null && temperature == null;
  }
}
