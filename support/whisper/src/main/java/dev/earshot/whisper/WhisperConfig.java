package dev.earshot.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Whisper model's sizes and token ids, read from its own config.json, generation_config.json,
 * preprocessor_config.json and tokenizer, so tiny, base, English-only and large-v3 models (128 mel
 * bins, other special ids) all work without code changes.
 *
 * @param alignmentHeads the decoder's {@code [layer, head]} cross-attention heads that follow the
 *     speech in time (generation_config.json's {@code alignment_heads}), for word timestamps; empty
 *     when the file has none
 */
public record WhisperConfig(
    String name,
    int melBins,
    int audioPositions,
    int textPositions,
    int decoderLayers,
    int decoderHeads,
    int headSize,
    int vocabularySize,
    boolean multilingual,
    SpecialTokens tokens,
    Map<String, Integer> languages,
    int[] suppressTokens,
    int[] beginSuppressTokens,
    int sampleRate,
    int fftSize,
    int hopLength,
    int windowSamples,
    int[][] alignmentHeads) {

  /** Reads the configuration files of a transformers.js / Optimum model folder. */
  public static WhisperConfig load(Path folder, Tokenizer tokenizer) {
    ObjectMapper json = new ObjectMapper();
    JsonNode config = read(json, folder.resolve("config.json"));
    JsonNode generation = read(json, folder.resolve("generation_config.json"));
    JsonNode preprocessor = read(json, folder.resolve("preprocessor_config.json"));

    Map<String, Integer> languages = new LinkedHashMap<>();
    generation
        .path("lang_to_id")
        .fields()
        .forEachRemaining(
            e ->
                languages.put(
                    e.getKey().replace("<|", "").replace("|>", ""), e.getValue().asInt()));
    int vocabulary = required(config, "vocab_size", folder);
    // OpenAI's rule: multilingual vocabularies have at least 51865 tokens (English-only 51864).
    boolean multilingual =
        generation.has("is_multilingual")
            ? generation.get("is_multilingual").asBoolean()
            : vocabulary >= 51865;
    int dModel = required(config, "d_model", folder);
    int heads = required(config, "decoder_attention_heads", folder);
    return new WhisperConfig(
        config.path("_name_or_path").asText(folder.getFileName().toString()),
        required(config, "num_mel_bins", folder),
        required(config, "max_source_positions", folder),
        required(config, "max_target_positions", folder),
        required(config, "decoder_layers", folder),
        heads,
        dModel / heads,
        vocabulary,
        multilingual,
        SpecialTokens.from(tokenizer, folder.toString()),
        Collections.unmodifiableMap(languages),
        ints(generation.has("suppress_tokens") ? generation : config, "suppress_tokens"),
        ints(
            generation.has("begin_suppress_tokens") ? generation : config, "begin_suppress_tokens"),
        preprocessor.path("sampling_rate").asInt(16000),
        preprocessor.path("n_fft").asInt(400),
        preprocessor.path("hop_length").asInt(160),
        preprocessor.path("n_samples").asInt(480000),
        pairs(generation.path("alignment_heads")));
  }

  /** Frames of one 30 s window after the STFT, e.g. 3000. */
  public int melFrames() {
    return windowSamples / hopLength;
  }

  public double windowSeconds() {
    return windowSamples / (double) sampleRate;
  }

  private static JsonNode read(ObjectMapper json, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new WhisperModelException("Model file missing: " + file);
    }
    try {
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw new WhisperModelException("Model file " + file + " is not valid JSON: " + e, e);
    }
  }

  private static int required(JsonNode node, String field, Path folder) {
    if (!node.path(field).isInt()) {
      throw new WhisperModelException(
          "config.json in " + folder + " lacks the integer field '" + field + "'");
    }
    return node.get(field).asInt();
  }

  private static int[][] pairs(JsonNode array) {
    int[][] pairs = new int[array.size()][];
    for (int i = 0; i < pairs.length; i++) {
      JsonNode pair = array.get(i);
      pairs[i] = new int[] {pair.path(0).asInt(-1), pair.path(1).asInt(-1)};
    }
    return pairs;
  }

  private static int[] ints(JsonNode node, String field) {
    JsonNode array = node.path(field);
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }
}
