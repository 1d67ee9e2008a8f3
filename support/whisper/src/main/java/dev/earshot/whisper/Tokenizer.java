package dev.earshot.whisper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whisper's byte-level BPE: text to token ids and back, special tokens by name; immutable and
 * thread-safe once loaded.
 */
public final class Tokenizer {

  // GPT-2's pre-tokenizer; Unicode \s as in the Python regex module the original was written for.
  private static final Pattern PIECES =
      Pattern.compile(
          "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
          Pattern.UNICODE_CHARACTER_CLASS);

  private final BpeModel bpe;
  private final String[] tokens;
  private final boolean[] special;
  private final Map<String, Integer> specialIds;

  private Tokenizer(BpeModel bpe, String[] tokens, boolean[] special, Map<String, Integer> ids) {
    this.bpe = bpe;
    this.tokens = tokens;
    this.special = special;
    this.specialIds = ids;
  }

  /**
   * Reads {@code vocab.json}, {@code merges.txt} and the added tokens of {@code tokenizer.json} (or
   * {@code added_tokens.json}) from a Hugging Face model folder; the vocabulary and merges of
   * {@code tokenizer.json} stand in when the separate files are missing.
   */
  public static Tokenizer load(Path modelFolder) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path tokenizerFile = modelFolder.resolve("tokenizer.json");
    JsonNode tokenizerJson =
        Files.isRegularFile(tokenizerFile) ? json.readTree(tokenizerFile.toFile()) : null;

    Map<String, Integer> vocab = new HashMap<>();
    Path vocabFile = modelFolder.resolve("vocab.json");
    JsonNode vocabNode =
        Files.isRegularFile(vocabFile)
            ? json.readTree(vocabFile.toFile())
            : tokenizerJson == null ? null : tokenizerJson.path("model").get("vocab");
    if (vocabNode == null || !vocabNode.isObject() || vocabNode.isEmpty()) {
      throw new IOException("no vocabulary (vocab.json or tokenizer.json) in " + modelFolder);
    }
    vocabNode.fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));

    Map<String, Integer> ranks = readMerges(modelFolder, tokenizerJson);

    Map<String, Integer> added = new HashMap<>();
    JsonNode addedTokens = tokenizerJson == null ? null : tokenizerJson.get("added_tokens");
    if (addedTokens != null && addedTokens.isArray() && !addedTokens.isEmpty()) {
      for (JsonNode token : addedTokens) {
        added.put(token.path("content").asText(), token.path("id").asInt());
      }
    } else if (Files.isRegularFile(modelFolder.resolve("added_tokens.json"))) {
      json.readTree(modelFolder.resolve("added_tokens.json").toFile())
          .fields()
          .forEachRemaining(e -> added.put(e.getKey(), e.getValue().asInt()));
    }

    int size = 0;
    for (int id : vocab.values()) {
      size = Math.max(size, id + 1);
    }
    for (int id : added.values()) {
      size = Math.max(size, id + 1);
    }
    String[] tokens = new String[size];
    vocab.forEach((token, id) -> tokens[checkId(id, token)] = token);
    boolean[] special = new boolean[size];
    added.forEach(
        (token, id) -> {
          tokens[checkId(id, token)] = token;
          special[id] = true;
        });
    return new Tokenizer(new BpeModel(vocab, ranks), tokens, special, Map.copyOf(added));
  }

  private static int checkId(int id, String token) {
    if (id < 0) {
      throw new IllegalArgumentException("negative id " + id + " for token " + token);
    }
    return id;
  }

  private static Map<String, Integer> readMerges(Path folder, JsonNode tokenizerJson)
      throws IOException {
    Map<String, Integer> ranks = new HashMap<>();
    Path mergesFile = folder.resolve("merges.txt");
    if (Files.isRegularFile(mergesFile)) {
      List<String> lines = Files.readAllLines(mergesFile, StandardCharsets.UTF_8);
      for (String line : lines) {
        // Byte-level tokens never contain whitespace, so only a Windows line end needs trimming.
        String merge = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (merge.startsWith("#version") || merge.isEmpty()) {
          continue;
        }
        ranks.putIfAbsent(merge, ranks.size());
      }
      return ranks;
    }
    JsonNode merges = tokenizerJson == null ? null : tokenizerJson.path("model").get("merges");
    if (merges == null || !merges.isArray()) {
      throw new IOException("no merges (merges.txt or tokenizer.json) in " + folder);
    }
    for (JsonNode merge : merges) {
      // Newer tokenizer.json files write a merge as a two-element array instead of "a b".
      String key =
          merge.isArray() ? merge.get(0).asText() + ' ' + merge.get(1).asText() : merge.asText();
      ranks.putIfAbsent(key, ranks.size());
    }
    return ranks;
  }

  /**
   * Token ids of plain text. Special tokens written in the text are encoded as ordinary text; use
   * {@link #specialId} for those.
   */
  public int[] encode(String text) {
    Objects.requireNonNull(text, "text");
    int[] out = new int[Math.max(16, text.length())];
    int size = 0;
    Matcher pieces = PIECES.matcher(text);
    while (pieces.find()) {
      int[] ids = bpe.ids(ByteLevel.encode(pieces.group()));
      if (size + ids.length > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, size + ids.length));
      }
      System.arraycopy(ids, 0, out, size, ids.length);
      size += ids.length;
    }
    return Arrays.copyOf(out, size);
  }

  /** Text of a token sequence; see {@link #decode(int[], int, int)}. */
  public String decode(int[] ids) {
    return decode(ids, 0, ids.length);
  }

  /**
   * Text of {@code ids[from..to)}, special tokens left out. The bytes of all tokens are joined
   * before UTF-8 decoding, so characters spanning several tokens come out whole; bytes that do not
   * form a character (a sequence cut mid-character) become U+FFFD.
   */
  public String decode(int[] ids, int from, int to) {
    Objects.checkFromToIndex(from, to, ids.length);
    byte[] bytes = new byte[Math.max(16, (to - from) * 4)];
    int size = 0;
    for (int i = from; i < to; i++) {
      int id = ids[i];
      String token = token(id);
      if (special[id]) {
        continue;
      }
      if (size + token.length() * 3 > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + token.length() * 3));
      }
      for (int c = 0; c < token.length(); c++) {
        char ch = token.charAt(c);
        int b = ByteLevel.byteOf(ch);
        if (b >= 0) {
          bytes[size++] = (byte) b;
        } else {
          // Not a byte-level character: only a hand-edited vocabulary has these; keep it as text.
          byte[] utf8 = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
          System.arraycopy(utf8, 0, bytes, size, utf8.length);
          size += utf8.length;
        }
      }
    }
    // The String constructor replaces malformed input instead of throwing.
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  /** The token as stored in the vocabulary (byte-level characters, e.g. "ĠAnd"), or its name. */
  public String token(int id) {
    if (id < 0 || id >= tokens.length || tokens[id] == null) {
      throw new IllegalArgumentException("no token with id " + id);
    }
    return tokens[id];
  }

  /** Number of ids, ordinary and special (51865 for multilingual Whisper). */
  public int vocabularySize() {
    return tokens.length;
  }

  /** Whether an id is an added token such as {@code <|en|>} or {@code <|0.00|>}. */
  public boolean isSpecial(int id) {
    return id >= 0 && id < special.length && special[id];
  }

  /** Id of an added token by its name, such as {@code <|startoftranscript|>}. */
  public OptionalInt specialId(String token) {
    Integer id = specialIds.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** Names of all added tokens with their ids. */
  public Map<String, Integer> specialTokens() {
    return specialIds;
  }
}
