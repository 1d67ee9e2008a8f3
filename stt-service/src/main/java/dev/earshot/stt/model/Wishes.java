package dev.earshot.stt.model;

import dev.earshot.schema.TranscriptionRequest;
import dev.earshot.whisper.DecodingOptions;
import java.util.Locale;

/**
 * What an uploader asked of a chunk's transcript (the chunk's {@code request}); a null field keeps
 * the worker's setting.
 */
public record Wishes(String task, String language, String prompt, Float temperature) {

  public static final Wishes NONE = new Wishes(null, null, null, null);

  public static Wishes of(TranscriptionRequest request) {
    if (request == null) {
      return NONE;
    }
    return new Wishes(
        request.getTask(), request.getLanguage(), request.getPrompt(), request.getTemperature());
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * The worker's options with these wishes: a task and a language replace the worker's; a
   * temperature above 0 is the only one tried (0 keeps the fallback temperatures, as OpenAI's API
   * does); a prompt goes before the audio, after {@code <|startofprev|>}.
   *
   * @throws IllegalArgumentException for a task or language the model does not know
   */
  public DecodingOptions apply(DecodingOptions base) {
    DecodingOptions options = base;
    if (task != null) {
      options =
          options.withTask(DecodingOptions.Task.valueOf(task.strip().toUpperCase(Locale.ROOT)));
    }
    if (language != null) {
      options = options.withLanguage(language);
    }
    if (temperature != null && temperature > 0) {
      options = options.withTemperatures(temperature);
    }
    if (prompt != null) {
      options = options.withInitialPrompt(prompt);
    }
    return options;
  }

  /** For the transcript's settings hash, appended to the worker's settings. */
  public String describe() {
    return "request(task="
        + task
        + " language="
        + language
        + " prompt="
        + prompt
        + " temperature="
        + temperature
        + ")";
  }
}
