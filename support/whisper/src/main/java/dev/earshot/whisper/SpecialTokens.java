package dev.earshot.whisper;

import java.util.OptionalInt;

/**
 * The control tokens of a Whisper vocabulary, looked up by name in the model's tokenizer because
 * their ids differ between models (English-only models, large-v3's extra language).
 *
 * @param noSpeech {@code <|nospeech|>} (called {@code <|nocaptions|>} in older tokenizers)
 * @param timestampBegin {@code <|0.00|>}; timestamps follow in steps of {@link #TIMESTAMP_STEP}
 */
public record SpecialTokens(
    int endOfText,
    int startOfTranscript,
    int transcribe,
    int translate,
    int startOfLm,
    int startOfPrev,
    int noSpeech,
    int noTimestamps,
    int timestampBegin) {

  /** Seconds per timestamp token. */
  public static final double TIMESTAMP_STEP = 0.02;

  static SpecialTokens from(Tokenizer tokenizer, String folder) {
    int noTimestamps = require(tokenizer, "<|notimestamps|>", folder);
    OptionalInt firstTimestamp = tokenizer.specialId("<|0.00|>");
    OptionalInt noSpeech = tokenizer.specialId("<|nospeech|>");
    return new SpecialTokens(
        require(tokenizer, "<|endoftext|>", folder),
        require(tokenizer, "<|startoftranscript|>", folder),
        tokenizer.specialId("<|transcribe|>").orElse(-1),
        tokenizer.specialId("<|translate|>").orElse(-1),
        tokenizer.specialId("<|startoflm|>").orElse(-1),
        tokenizer.specialId("<|startofprev|>").orElse(-1),
        noSpeech.isPresent() ? noSpeech.getAsInt() : require(tokenizer, "<|nocaptions|>", folder),
        noTimestamps,
        // Timestamp tokens follow <|notimestamps|> when the tokenizer does not list them.
        firstTimestamp.orElse(noTimestamps + 1));
  }

  public boolean isTimestamp(int token) {
    return token >= timestampBegin;
  }

  /** Seconds from the start of the window for a timestamp token. */
  public double secondsOf(int timestampToken) {
    return (timestampToken - timestampBegin) * TIMESTAMP_STEP;
  }

  private static int require(Tokenizer tokenizer, String token, String folder) {
    return tokenizer
        .specialId(token)
        .orElseThrow(
            () ->
                new WhisperModelException(
                    "The tokenizer in " + folder + " has no " + token + " token"));
  }
}
