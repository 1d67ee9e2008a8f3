package dev.earshot.ingest.openai;

import dev.earshot.ingest.recording.TranscriptionWishes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A transcription or translation request's form fields, checked: each problem names its field as
 * OpenAI's API does ({@code param}).
 *
 * @param words whether {@code timestamp_granularities[]} asked for word times
 */
public record TranscriptionForm(
    String model, ResponseFormat format, TranscriptionWishes wishes, boolean words) {

  /** A field that cannot be used, and why. */
  public static final class Invalid extends Exception {
    private final String param;

    Invalid(String param, String message) {
      super(message);
      this.param = param;
    }

    public String param() {
      return param;
    }
  }

  /**
   * @param translate a {@code /translations} request: the task is translate and there is no
   *     language field
   */
  public static TranscriptionForm parse(
      boolean translate,
      String model,
      String language,
      String prompt,
      String responseFormat,
      String temperature,
      List<String> granularities)
      throws Invalid {
    if (model == null || model.isBlank()) {
      throw new Invalid("model", "you must provide a model parameter, e.g. whisper-1");
    }
    ResponseFormat format;
    try {
      format = ResponseFormat.of(responseFormat);
    } catch (IllegalArgumentException e) {
      throw new Invalid("response_format", e.getMessage());
    }
    Float t = null;
    if (temperature != null && !temperature.isBlank()) {
      try {
        t = Float.parseFloat(temperature.strip());
      } catch (NumberFormatException e) {
        throw new Invalid("temperature", "temperature must be a number, got '" + temperature + "'");
      }
    }
    Set<String> granular = new LinkedHashSet<>();
    for (String g : granularities == null ? List.<String>of() : granularities) {
      for (String part : g.split(",")) {
        if (!part.isBlank()) {
          granular.add(part.strip());
        }
      }
    }
    if (!Set.of("word", "segment").containsAll(granular)) {
      throw new Invalid(
          "timestamp_granularities",
          "timestamp_granularities[] takes word and segment, got " + granular);
    }
    if (!granular.isEmpty() && format != ResponseFormat.VERBOSE_JSON) {
      throw new Invalid(
          "timestamp_granularities",
          "timestamp_granularities[] needs response_format=verbose_json, got "
              + format.name().toLowerCase());
    }
    TranscriptionWishes wishes;
    try {
      wishes =
          new TranscriptionWishes(
              translate ? "translate" : null, translate ? null : blankToNull(language), prompt, t);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new Invalid(
          message.startsWith("language")
              ? "language"
              : message.startsWith("temperature") ? "temperature" : null,
          message);
    }
    return new TranscriptionForm(model.strip(), format, wishes, granular.contains("word"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
